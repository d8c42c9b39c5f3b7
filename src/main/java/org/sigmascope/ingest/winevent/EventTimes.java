package org.sigmascope.ingest.winevent;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Event times as exports write them. A time with a zone or offset ({@code Z}, {@code +09:00}, {@code UTC}) is
 * exact; a time without one is local to whatever machine wrote it, and is read in the zone the analyst gives
 * ({@link org.sigmascope.ingest.ReadOptions#localZone()}). Callers say in the source's warnings which they met.
 */
public final class EventTimes {
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private EventTimes() {
    }

    /**
     * A time read from text.
     *
     * @param instant the time, UTC
     * @param zoned   whether the text carried its zone; if not, it was read in the local zone given
     */
    public record Parsed(Instant instant, boolean zoned) {
    }

    /**
     * Parses {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][zone]}, the zone being {@code Z}, {@code UTC}, {@code GMT},
     * or an offset {@code ±hh:mm}, {@code ±hhmm}, {@code ±hh} (with or without a space before it). Returns
     * {@code null} when the text is not such a time.
     */
    public static Parsed parseIso(String text, ZoneId localZone) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int n = t.length();
        if (n < 19 || !digits(t, 0, 4) || t.charAt(4) != '-' || !digits(t, 5, 7) || t.charAt(7) != '-'
                || !digits(t, 8, 10) || (t.charAt(10) != 'T' && t.charAt(10) != ' ' && t.charAt(10) != 't')
                || !digits(t, 11, 13) || t.charAt(13) != ':' || !digits(t, 14, 16) || t.charAt(16) != ':'
                || !digits(t, 17, 19)) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            int start = ++i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            String digits = t.substring(start, Math.min(i, start + 9));
            nanos = Integer.parseInt(digits) * (int) Math.pow(10, 9 - digits.length());
        }
        String zone = t.substring(i).trim();
        try {
            LocalDateTime local = LocalDateTime.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10), num(t, 11, 13),
                    num(t, 14, 16), num(t, 17, 19), nanos);
            if (zone.isEmpty()) {
                return new Parsed(local.atZone(localZone).toInstant(), false);
            }
            ZoneOffset offset = offset(zone);
            return offset == null ? null : new Parsed(local.toInstant(offset), true);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Like {@link #parseIso} but only the instant, or {@code null}. */
    public static Instant instantOrNull(String text, ZoneId localZone) {
        Parsed parsed = parseIso(text, localZone);
        return parsed == null ? null : parsed.instant();
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            return null;
        }
        String digits = zone.substring(1).replace(":", "");
        if (!digits(digits, 0, digits.length()) || (digits.length() != 2 && digits.length() != 4)) {
            return null;
        }
        int hours = num(digits, 0, 2);
        int minutes = digits.length() == 4 ? num(digits, 2, 4) : 0;
        int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    /** Seconds since 1970 with a decimal fraction, read exactly (Velociraptor's {@code SystemTime}). */
    public static Instant fromEpochSeconds(String decimal) {
        try {
            BigDecimal value = new BigDecimal(decimal.trim());
            BigDecimal seconds = value.setScale(0, java.math.RoundingMode.FLOOR);
            int nanos = value.subtract(seconds).multiply(NANOS_PER_SECOND)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).intValueExact();
            return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** Microseconds since 1970 (Plaso and Timesketch {@code timestamp}). */
    public static Instant fromEpochMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** Milliseconds since 1970. */
    public static Instant fromEpochMillis(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Epoch seconds as an exact integer or decimal number from JSON. */
    public static Instant fromEpochSeconds(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof BigInteger) {
            return Instant.ofEpochSecond(number.longValue());
        }
        return fromEpochSeconds(number.toString());
    }

    private static boolean digits(String s, int from, int to) {
        if (to > s.length() || from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
