package org.sigmascope.sigma.correlation;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A correlation's {@code timespan}: a positive whole number and a unit. The specification defines {@code s},
 * {@code m}, {@code h} and {@code d}; pySigma also reads {@code w}, {@code M} (a month of 30.436875 days) and
 * {@code y} (365.2425 days), and so do we.
 *
 * @param text     as the rule wrote it
 * @param duration its length
 */
public record Timespan(String text, Duration duration) {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhdwMy])");
    private static final Map<String, Long> SECONDS = Map.of("s", 1L, "m", 60L, "h", 3_600L, "d", 86_400L,
            "w", 604_800L, "M", 2_629_746L, "y", 31_556_952L);
    /** Longest timespan accepted; longer ones are surely typing errors and would overflow nanoseconds. */
    static final Duration MAX = Duration.ofDays(3_660);

    /** Parses {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} …; the message says what is wrong. */
    public static Timespan parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("the timespan '" + text + "' is not a number and a unit (s, m, h, d; "
                    + "also w, M, y), such as 30s, 5m, 1h or 2d");
        }
        long count = Long.parseLong(m.group(1));
        if (count == 0) {
            throw new IllegalArgumentException("the timespan '" + text + "' must be longer than zero");
        }
        Duration duration = Duration.ofSeconds(count * SECONDS.get(m.group(2)));
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("the timespan '" + text + "' is longer than ten years");
        }
        return new Timespan(m.group(), duration);
    }

    public long nanos() {
        return duration.toNanos();
    }

    @Override
    public String toString() {
        return text;
    }
}
