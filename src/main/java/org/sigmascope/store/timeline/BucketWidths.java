package org.sigmascope.store.timeline;

import java.time.Duration;
import java.util.List;

/** Round bucket widths for a histogram, from a millisecond to a year, and the one that fits a range. */
final class BucketWidths {
    private static final List<Duration> LADDER = List.of(
            Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365));

    private BucketWidths() {
    }

    /** The smallest round width that covers {@code spanNanos} in at most {@code buckets} buckets. */
    static Duration fit(long spanNanos, int buckets) {
        int n = Math.max(1, buckets);
        long wanted = Math.max(1, (spanNanos + n - 1) / n);
        for (Duration width : LADDER) {
            if (width.toNanos() >= wanted) {
                return width;
            }
        }
        long years = wanted / LADDER.get(LADDER.size() - 1).toNanos() + 1;
        return Duration.ofDays(365 * years);
    }
}
