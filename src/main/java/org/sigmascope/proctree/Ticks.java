package org.sigmascope.proctree;

import java.time.Instant;

/**
 * Times in the tree: 100 ns ticks since 1970-01-01 UTC in a {@code long}, the precision of EVTX times, with a
 * range of ±29,000 years so hostile timestamps cannot overflow.
 */
public final class Ticks {
    /** An unknown time. */
    public static final long UNKNOWN = Long.MIN_VALUE;
    public static final long PER_SECOND = 10_000_000L;
    private static final long LIMIT_SECONDS = Long.MAX_VALUE / PER_SECOND - 1;

    private Ticks() {
    }

    public static long of(Instant instant) {
        if (instant == null) {
            return UNKNOWN;
        }
        long seconds = Math.max(-LIMIT_SECONDS, Math.min(LIMIT_SECONDS, instant.getEpochSecond()));
        return seconds * PER_SECOND + instant.getNano() / 100;
    }

    /** The instant, or {@code null} for {@link #UNKNOWN}. */
    public static Instant toInstant(long ticks) {
        if (ticks == UNKNOWN) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(ticks, PER_SECOND), Math.floorMod(ticks, PER_SECOND) * 100);
    }

    public static boolean known(long ticks) {
        return ticks != UNKNOWN;
    }
}
