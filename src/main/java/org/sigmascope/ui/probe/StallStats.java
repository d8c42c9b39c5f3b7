package org.sigmascope.ui.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The delays the stall probe measured: how many, the longest, how many over {@link FxStallProbe#STALL_MS}, a
 * histogram in 10 ms steps for percentiles, and what the FX thread was doing during the first stalls. Thread-safe.
 */
public final class StallStats {
    private static final int BUCKETS = 200;
    /** Stall traces kept. */
    private static final int TRACES = 5;
    private final long[] histogram = new long[BUCKETS + 1];
    private final List<String> traces = new ArrayList<>();
    private long samples;
    private long stalls;
    private double max;
    private double total;
    private long startedAt = System.nanoTime();

    /**
     * The figures at one moment.
     *
     * @param samples  pings measured
     * @param stalls   pings delayed more than {@link FxStallProbe#STALL_MS}
     * @param maxMs    the longest delay, in ms
     * @param meanMs   the mean delay
     * @param p99Ms    the delay 99% of pings stayed under (to 10 ms)
     * @param seconds  how long the figures cover
     * @param traces   what the FX thread was doing in the first stalls (when, and its stack)
     */
    public record Snapshot(long samples, long stalls, double maxMs, double meanMs, double p99Ms, double seconds,
                           List<String> traces) {
        public Snapshot {
            traces = List.copyOf(traces);
        }

        @Override
        public String toString() {
            return String.format("%,d pings over %.1f s: longest %.0f ms, 99%% under %.0f ms, mean %.1f ms, "
                    + "%d over %d ms", samples, seconds, maxMs, p99Ms, meanMs, stalls, FxStallProbe.STALL_MS);
        }
    }

    public synchronized void record(double delayMs) {
        samples++;
        total += delayMs;
        max = Math.max(max, delayMs);
        if (delayMs > FxStallProbe.STALL_MS) {
            stalls++;
        }
        histogram[(int) Math.min(BUCKETS, Math.max(0, delayMs / 10))]++;
    }

    /** What the FX thread was doing while a ping waited {@code waitedMs}. */
    public synchronized void trace(double waitedMs, String stack) {
        if (traces.size() < TRACES) {
            traces.add(String.format("at %.1f s, %.0f ms into a stall:%n    at %s",
                    (System.nanoTime() - startedAt) / 1e9, waitedMs, stack));
        }
    }

    public synchronized Snapshot snapshot() {
        double p99 = 0;
        long wanted = (long) Math.ceil(samples * 0.99);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= wanted) {
                p99 = (i + 1) * 10.0;
                break;
            }
        }
        return new Snapshot(samples, stalls, max, samples == 0 ? 0 : total / samples, samples == 0 ? 0 : p99,
                (System.nanoTime() - startedAt) / 1e9, traces);
    }

    public synchronized void reset() {
        java.util.Arrays.fill(histogram, 0);
        traces.clear();
        samples = 0;
        stalls = 0;
        max = 0;
        total = 0;
        startedAt = System.nanoTime();
    }
}
