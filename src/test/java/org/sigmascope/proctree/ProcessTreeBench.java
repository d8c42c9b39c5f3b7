package org.sigmascope.proctree;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Event;

/**
 * The process tree benchmark (not part of {@code mvn verify}): builds the trees of a synthetic stream of events,
 * made in batches so only the tree stays in memory, and reports the time spent in the tree (making the events is
 * not counted) and the heap the tree keeps. See docs/benchmarks.md for the command and figures.
 *
 * <pre>
 * java -Xmx1g -cp target/classes:target/test-classes org.sigmascope.proctree.ProcessTreeBench \
 *     [--events 10000000] [--hosts 50] [--seed 1] [--buffered]
 * </pre>
 * {@code --buffered} feeds the events through a {@link SightingBuffer} (the path of evidence read file by file)
 * instead of straight to the builder in time order (the path of the case store).
 */
public final class ProcessTreeBench {
    /** Small enough for a batch to stay in cache, as events fresh from a reader or the store are. */
    private static final int BATCH = 4096;

    private ProcessTreeBench() {
    }

    public static void main(String[] args) {
        long events = 10_000_000;
        int hosts = 50;
        long seed = 1;
        boolean buffered = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--buffered" -> buffered = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SyntheticStream stream = new SyntheticStream(seed, hosts);
        ProcessTreeBuilder builder = new ProcessTreeBuilder();
        SightingBuffer buffer = new SightingBuffer();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fed = 0;
        long treeNanos = 0;
        long treeCpu = 0;
        while (fed < events) {
            List<Event> batch = stream.next((int) Math.min(BATCH, events - fed));
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            for (Event event : batch) {
                if (buffered) {
                    buffer.accept(event);
                } else {
                    builder.accept(event);
                }
            }
            treeNanos += System.nanoTime() - started;
            treeCpu += threads.getCurrentThreadCpuTime() - cpu;
            fed += batch.size();
        }
        long feedNanos = treeNanos;
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        ProcessTree tree = buffered ? buffer.build(TreeOptions.defaults()) : builder.build();
        long buildNanos = System.nanoTime() - started;
        treeCpu += threads.getCurrentThreadCpuTime() - cpu;
        treeNanos += buildNanos;
        TreeStats stats = tree.stats();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d events on %d hosts (%,d starts, %,d stops, %,d activities)%n",
                buffered ? "buffered" : "time-ordered", stats.events(), hosts, stats.starts(), stats.stops(),
                stats.activities());
        System.out.printf(Locale.ROOT, "tree: %,d processes (%,d placeholders), links %,d exact, %,d inferred,"
                        + " %,d unknown; %,d starts merged%n", stats.processes(), stats.placeholders(), stats.exact(),
                stats.inferred(), stats.unknown(), stats.mergedStarts());
        System.out.printf(Locale.ROOT, "time in the tree: %.2f s (offering events %.2f s, building %.2f s),"
                + " %,.0f events/s%n", treeNanos / 1e9, feedNanos / 1e9, buildNanos / 1e9, stats.events() / (treeNanos / 1e9));
        System.out.printf(Locale.ROOT, "CPU time of the thread in the tree: %.2f s (the machine's other work and the"
                + " collector's threads excluded)%n", treeCpu / 1e9);
        System.out.printf(Locale.ROOT, "heap: %,d MB live after the build (the tree and the last batch of events),"
                + " %,d MB peak of all pools, max %,d MB%n", retained >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (tree.size() == 0) {
            throw new IllegalStateException("no processes built");
        }
    }
}
