package org.sigmascope.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and printing of event times. Everything is UTC inside Sigmascope. */
public final class Timestamps {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?\\s*(Z|z|[+-]\\d{2}:?\\d{2})?");

    private static final DateTimeFormatter ISO_UTC_NANOS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Parses an ISO-8601 time with a zone or offset ({@code Z}, {@code +09:00}, {@code +0900}), or without one
     * (taken as UTC). The date and time may be separated by {@code T} or a space. Returns {@code null} when the
     * text is not such a time.
     */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (m.group(3) != null) {
                String digits = (m.group(3).substring(1) + "000000000").substring(0, 9);
                local = local.withNano(Integer.parseInt(digits));
            }
            String zone = m.group(4);
            ZoneOffset offset = zone == null || zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(
                    zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ISO-8601 UTC with 100 ns precision, the way Windows shows SystemTime: {@code 2024-01-02T03:04:05.1234567Z}. */
    public static String format(Instant instant) {
        return instant == null ? "" : ISO_UTC_NANOS.format(instant);
    }

    /** Converts a Windows FILETIME (100 ns ticks since 1601-01-01) to an instant. */
    public static Instant fromFiletime(long filetime) {
        long ticksSinceUnixEpoch = filetime - 116_444_736_000_000_000L;
        long seconds = Math.floorDiv(ticksSinceUnixEpoch, 10_000_000L);
        long ticks = Math.floorMod(ticksSinceUnixEpoch, 10_000_000L);
        return Instant.ofEpochSecond(seconds, ticks * 100);
    }

    public static long toFiletime(Instant instant) {
        return instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100 + 116_444_736_000_000_000L;
    }
}
