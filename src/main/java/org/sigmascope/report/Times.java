package org.sigmascope.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * How reports print times: {@code 2024-03-11 09:02:33.5180000 +00:00} in the zone the analyst chose, with the
 * offset always printed and the 100 ns precision of Windows kept, so a time read from a report is never ambiguous.
 */
public final class Times {
    private static final DateTimeFormatter FULL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral(' ')
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss.SSS ")
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private Times() {
    }

    /** The time in the zone, or {@code ""} when there is none. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : FULL.format(instant.atZone(zone));
    }

    /** ISO-8601 for machines: {@code 2024-03-11T09:02:33.5180000Z}, or with the zone's offset; {@code ""} for none. */
    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? "" : ISO.format(instant.atZone(zone));
    }

    /** Hayabusa's timestamp: {@code 2024-03-11 09:02:33.518 +00:00}; {@code ""} for none. */
    public static String millis(Instant instant, ZoneId zone) {
        return instant == null ? "" : MILLIS.format(instant.atZone(zone));
    }

    /** The zone as the report names it: {@code UTC}, {@code Europe/Berlin}. */
    public static String zoneName(ZoneId zone) {
        String id = zone.normalized().getId();
        return id.equals("Z") ? "UTC" : zone.getId();
    }
}
