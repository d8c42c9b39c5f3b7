package org.sigmascope.store.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time written in a query, as the span it names: {@code 2024-03-01} is that whole day (UTC), {@code 2024-03-01T10}
 * that hour, {@code 2024-03-01T10:15:30.1234567Z} that 100 ns tick. So {@code time:2024-03-01} finds the day's
 * events, {@code time:>2024-03-01} those after it, and {@code time:[2024-03-01 TO 2024-03-02]} the two days.
 *
 * @param start the first instant of the span
 * @param end   the first instant after it
 */
record TimeBounds(Instant start, Instant end) {
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "\\s*(Z|z|[+-]\\d{2}:?\\d{2})?");

    /** The span, or {@code null} when the text is not a time. */
    static TimeBounds parse(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = number(m.group(2), 1);
            int day = number(m.group(3), 1);
            int hour = number(m.group(4), 0);
            int minute = number(m.group(5), 0);
            int second = number(m.group(6), 0);
            String fraction = m.group(7);
            int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            ZoneOffset offset = offset(m.group(8));
            Instant start = LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
            Instant end;
            if (fraction != null) {
                // A fraction names a tick as fine as its digits, 100 ns at least: 1.5 is 1.5 … 1.6.
                long unit = (long) Math.pow(10, 9 - Math.min(9, Math.max(fraction.length(), 1)));
                end = start.plusNanos(Math.max(unit, 1));
            } else if (m.group(6) != null) {
                end = start.plus(1, ChronoUnit.SECONDS);
            } else if (m.group(5) != null) {
                end = start.plus(1, ChronoUnit.MINUTES);
            } else if (m.group(4) != null) {
                end = start.plus(1, ChronoUnit.HOURS);
            } else if (m.group(3) != null) {
                end = start.plus(1, ChronoUnit.DAYS);
            } else if (m.group(2) != null) {
                end = LocalDateTime.of(year, month, 1, 0, 0).plusMonths(1).toInstant(offset);
            } else {
                end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(offset);
            }
            return new TimeBounds(start, end);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int number(String group, int fallback) {
        return group == null ? fallback : Integer.parseInt(group);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }
}
