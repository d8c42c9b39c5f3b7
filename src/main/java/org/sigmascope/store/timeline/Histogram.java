package org.sigmascope.store.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Events over time: equal buckets from {@code start}, {@code width} wide.
 *
 * @param start   the start of the first bucket, a multiple of the width since the epoch
 * @param width   the width of a bucket, a round figure (1 s, 5 min, 1 h, 1 day …) sized to the range
 * @param counts  events per bucket
 * @param untimed matching events that have no time, and so no bucket
 */
public record Histogram(Instant start, Duration width, long[] counts, long untimed) {

    /** When bucket {@code i} starts. */
    public Instant bucketStart(int i) {
        return start.plus(width.multipliedBy(i));
    }

    /** Events in all buckets. */
    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
