package org.sigmascope.sigma.detection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * {@code field|hour: 3} and the other date parts (Sigma 2.1): the field is a time, and the part of it, in UTC,
 * equals the number. The field is read as ISO-8601 text (as {@code TimeCreated_SystemTime}), or as a number of
 * seconds (milliseconds when beyond the year 5138) since 1970. Weeks are ISO weeks (1–53).
 */
public record TimePartMatcher(Part part, int number) implements ValueMatcher {

    public enum Part {
        MINUTE(0, 59), HOUR(0, 23), DAY(1, 31), WEEK(1, 53), MONTH(1, 12), YEAR(1, 9999);

        private final int min;
        private final int max;

        Part(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public boolean accepts(int number) {
            return number >= min && number <= max;
        }

        public String range() {
            return min + " to " + max;
        }

        int of(ZonedDateTime time) {
            return switch (this) {
                case MINUTE -> time.getMinute();
                case HOUR -> time.getHour();
                case DAY -> time.getDayOfMonth();
                case WEEK -> time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case MONTH -> time.getMonthValue();
                case YEAR -> time.getYear();
            };
        }
    }

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        Instant instant = instantOf(value);
        if (instant == null) {
            return null;
        }
        int actual = part.of(instant.atZone(ZoneOffset.UTC));
        return actual == number ? Hit.WHOLE.withCompared(part.name().toLowerCase(java.util.Locale.ROOT) + " = "
                + actual) : null;
    }

    static Instant instantOf(Object value) {
        if (value instanceof Long || value instanceof Double) {
            double seconds = ((java.lang.Number) value).doubleValue();
            if (Math.abs(seconds) > 1e11) {
                seconds /= 1000;
            }
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        return value == null ? null : Timestamps.parseOrNull(Fields.textOf(value));
    }

    @Override
    public String ruleValue() {
        return Integer.toString(number);
    }
}
