package org.sigmascope.ui.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The delays the stall probe measured: how many, the longest, how many over {@link FxStallProbe#STALL_MS}, a
 * histogram in 10 ms steps for percentiles, and what the FX thread was doing during the first stalls; and the same
 * for the CPU time the FX thread used while each ping waited (how long it was busy, as opposed to waiting for a
 * CPU). Thread-safe.
 */
public final class StallStats {
    private static final int BUCKETS = 200;
    /** Stall traces kept. */
    private static final int TRACES = 5;
    private final Measure waited = new Measure();
    private final Measure busy = new Measure();
    private final List<String> traces = new ArrayList<>();
    private long startedAt = System.nanoTime();

    /**
     * The figures at one moment.
     *
     * @param samples     pings measured
     * @param stalls      pings delayed more than {@link FxStallProbe#STALL_MS}
     * @param maxMs       the longest delay, in ms
     * @param meanMs      the mean delay
     * @param p99Ms       the delay 99% of pings stayed under (to 10 ms)
     * @param busyStalls  pings during whose wait the FX thread used more than {@link FxStallProbe#STALL_MS} of CPU
     * @param busyMaxMs   the most CPU the FX thread used during one ping's wait, in ms (-1 when not measured)
     * @param busyP99Ms   the CPU time 99% of pings' waits stayed under (to 10 ms)
     * @param seconds     how long the figures cover
     * @param traces      what the FX thread was doing in the first stalls (when, and its stack)
     */
    public record Snapshot(long samples, long stalls, double maxMs, double meanMs, double p99Ms, long busyStalls,
                           double busyMaxMs, double busyP99Ms, double seconds, List<String> traces) {
        public Snapshot {
            traces = List.copyOf(traces);
        }

        @Override
        public String toString() {
            String line = String.format("%,d pings over %.1f s: waited longest %.0f ms, 99%% under %.0f ms, mean "
                    + "%.1f ms, %d over %d ms", samples, seconds, maxMs, p99Ms, meanMs, stalls, FxStallProbe.STALL_MS);
            return busyMaxMs < 0 ? line : line + String.format("; busy (FX thread CPU) longest %.0f ms, 99%% under "
                    + "%.0f ms, %d over %d ms", busyMaxMs, busyP99Ms, busyStalls, FxStallProbe.STALL_MS);
        }
    }

    /** How long a ping waited, and how much CPU the FX thread used meanwhile ({@code busyMs} -1: not known). */
    public synchronized void record(double delayMs, double busyMs) {
        waited.add(delayMs);
        if (busyMs >= 0) {
            busy.add(busyMs);
        }
    }

    /** What the FX thread was doing while a ping waited {@code waitedMs}, having used {@code busyMs} of CPU. */
    public synchronized void trace(double waitedMs, double busyMs, String stack) {
        if (traces.size() < TRACES) {
            traces.add(String.format("at %.1f s, %.0f ms into a stall (%s):%n    at %s",
                    (System.nanoTime() - startedAt) / 1e9, waitedMs,
                    busyMs < 0 ? "CPU time not known" : String.format("%.0f ms of it busy", busyMs), stack));
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(waited.samples, waited.stalls, waited.max, waited.mean(), waited.p99(), busy.stalls,
                busy.samples == 0 ? -1 : busy.max, busy.p99(), (System.nanoTime() - startedAt) / 1e9, traces);
    }

    public synchronized void reset() {
        waited.reset();
        busy.reset();
        traces.clear();
        startedAt = System.nanoTime();
    }

    /** One measure in ms: count, total, longest, over the stall limit, a histogram in 10 ms steps. */
    private static final class Measure {
        private final long[] histogram = new long[BUCKETS + 1];
        private long samples;
        private long stalls;
        private double max;
        private double total;

        void add(double ms) {
            samples++;
            total += ms;
            max = Math.max(max, ms);
            if (ms > FxStallProbe.STALL_MS) {
                stalls++;
            }
            histogram[(int) Math.min(BUCKETS, Math.max(0, ms / 10))]++;
        }

        double mean() {
            return samples == 0 ? 0 : total / samples;
        }

        /** The value 99% of samples stayed under, to the 10 ms step above. */
        double p99() {
            long wanted = (long) Math.ceil(samples * 0.99);
            long seen = 0;
            for (int i = 0; i < histogram.length && samples > 0; i++) {
                seen += histogram[i];
                if (seen >= wanted) {
                    return (i + 1) * 10.0;
                }
            }
            return 0;
        }

        void reset() {
            java.util.Arrays.fill(histogram, 0);
            samples = 0;
            stalls = 0;
            max = 0;
            total = 0;
        }
    }
}
