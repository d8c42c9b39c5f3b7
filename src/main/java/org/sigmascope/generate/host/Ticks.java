package org.sigmascope.generate.host;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Time on a simulated host, in FILETIME ticks (100 ns since 1601-01-01 UTC). */
public final class Ticks {
    public static final long MILLISECOND = 10_000L;
    public static final long SECOND = 1000 * MILLISECOND;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    private static final long UNIX_EPOCH = 116_444_736_000_000_000L;

    private Ticks() {
    }

    public static long of(Instant instant) {
        return instant.getEpochSecond() * SECOND + instant.getNano() / 100 + UNIX_EPOCH;
    }

    public static Instant instant(long ticks) {
        long sinceEpoch = ticks - UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, SECOND), Math.floorMod(sinceEpoch, SECOND) * 100);
    }

    public static long unixSeconds(long ticks) {
        return Math.floorDiv(ticks - UNIX_EPOCH, SECOND);
    }

    /** {@code 2024-03-11 08:00:01.120}: the millisecond UTC text Sysmon writes in {@code UtcTime}. */
    public static String sysmonText(long ticks) {
        long sinceEpoch = ticks - UNIX_EPOCH;
        long seconds = Math.floorDiv(sinceEpoch, SECOND);
        int millis = (int) (Math.floorMod(sinceEpoch, SECOND) / MILLISECOND);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = new char[23];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        c[19] = '.';
        put(c, 20, millis, 3);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            c[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
