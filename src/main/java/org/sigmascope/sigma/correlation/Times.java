package org.sigmascope.sigma.correlation;

import java.time.Instant;

/** Event times as nanoseconds since the epoch, the unit windows are measured in (years 1678 to 2262). */
final class Times {
    private Times() {
    }

    /** The instant in nanoseconds, or {@code Long.MIN_VALUE} when it is outside the range a long can hold. */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
