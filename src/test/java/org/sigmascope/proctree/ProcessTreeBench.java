package org.sigmascope.proctree;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Event;

/**
 * The process tree benchmark (not part of {@code mvn verify}): builds the trees of a synthetic stream of events,
 * made in batches so only the tree stays in memory, and reports the time spent in the tree (making the events is
 * not counted) and the heap the tree keeps. See docs/benchmarks.md for the command and figures.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx1280m -cp "target/classes:target/test-classes:target/lib/*" org.sigmascope.proctree.ProcessTreeBench \
 *     [--source generate|synthetic] [--events 10000000] [--hosts 20] [--seed 1] [--buffered]
 * </pre>
 * {@code --source generate} (the default) takes the events of {@code sigmascope generate} as it simulates them;
 * {@code synthetic} a simpler stream made here, heavier in processes and GUID lookups. {@code --buffered} feeds the
 * events through a {@link SightingBuffer} (the path of evidence read file by file) instead of straight to the
 * builder in time order (the path of the case store).
 */
public final class ProcessTreeBench {
    /** Small enough to stay in cache, as an event handed on by a reader or the store the moment it is made is. */
    private static final int BATCH = 256;

    private ProcessTreeBench() {
    }

    public static void main(String[] args) throws IOException {
        long events = 10_000_000;
        int hosts = 20;
        long seed = 1;
        boolean buffered = false;
        String source = "generate";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--buffered" -> buffered = true;
                case "--source" -> source = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Run run = switch (source) {
            case "generate" -> runGenerated(hosts, events, seed, buffered);
            case "synthetic" -> run(new SyntheticStream(seed, hosts), events, buffered);
            default -> throw new IllegalArgumentException("--source is generate or synthetic");
        };
        ProcessTree tree = run.tree();
        TreeStats stats = tree.stats();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%s, %s: %,d events on %d hosts (%,d starts, %,d stops, %,d activities;"
                        + " %,d out of order)%n", source, buffered ? "buffered" : "time-ordered", stats.events(), hosts,
                stats.starts(), stats.stops(), stats.activities(), stats.outOfOrder());
        System.out.printf(Locale.ROOT, "tree: %,d processes (%,d placeholders), links %,d exact, %,d inferred,"
                        + " %,d unknown; %,d starts merged%n", stats.processes(), stats.placeholders(), stats.exact(),
                stats.inferred(), stats.unknown(), stats.mergedStarts());
        System.out.printf(Locale.ROOT, "wall time in the tree: %.2f s (offering events %.2f s, of which %.2f s waiting"
                        + " for the linking thread; building %.2f s), %,.0f events/s%n",
                (run.feedNanos() + run.buildNanos()) / 1e9, run.feedNanos() / 1e9, run.waitNanos() / 1e9,
                run.buildNanos() / 1e9, stats.events() / ((run.feedNanos() + run.buildNanos()) / 1e9));
        System.out.printf(Locale.ROOT, "CPU time in the tree: %.2f s (offering thread: %.2f s offering, %.2f s building;"
                        + " linking thread %.2f s; the machine's other work and the collector excluded)%n",
                (run.feedCpu() + run.buildCpu() + run.linkerCpu()) / 1e9, run.feedCpu() / 1e9, run.buildCpu() / 1e9,
                run.linkerCpu() / 1e9);
        System.out.printf(Locale.ROOT, "heap: %,d MB live after the build (the tree alone), in a heap of at most"
                + " %,d MB (-Xmx)%n", retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (tree.size() == 0) {
            throw new IllegalStateException("no processes built");
        }
    }

    /**
     * The tree, and the time spent in it: wall time and CPU of the offering thread, offering events and building,
     * and the CPU of the builder's linking thread.
     */
    private record Run(ProcessTree tree, long feedNanos, long feedCpu, long buildNanos, long buildCpu,
                       long linkerCpu, long waitNanos) {
    }

    /** Sums the time spent offering batches of events, wall and this thread's CPU. */
    private static final class Feeder implements java.util.function.Consumer<List<Event>> {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final ProcessTreeBuilder builder = new ProcessTreeBuilder();
        final SightingBuffer buffer = new SightingBuffer();
        final boolean buffered;
        long nanos;
        long cpu;

        Feeder(boolean buffered) {
            this.buffered = buffered;
        }

        @Override
        public void accept(List<Event> batch) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            for (Event event : batch) {
                if (buffered) {
                    buffer.accept(event);
                } else {
                    builder.accept(event);
                }
            }
            nanos += System.nanoTime() - started;
            cpu += threads.getCurrentThreadCpuTime() - cpuBefore;
        }

        Run build() {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            ProcessTree tree = buffered ? buffer.build(TreeOptions.defaults()) : builder.build();
            return new Run(tree, nanos, cpu, System.nanoTime() - started, threads.getCurrentThreadCpuTime() - cpuBefore,
                    buffered ? 0 : builder.backgroundCpuNanos(), buffered ? 0 : builder.backgroundWaitNanos());
        }
    }

    /** The generator's events, simulated into a scratch folder that is removed after. */
    private static Run runGenerated(int hosts, long events, long seed, boolean buffered) throws IOException {
        Path scratch = Files.createTempDirectory("sigmascope-bench-");
        try {
            Feeder feeder = new Feeder(buffered);
            GeneratorStream.run(hosts, events, seed, scratch.resolve("out"), BATCH, feeder);
            return feeder.build();
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(scratch)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The harness's own stream; the feeder (builder or buffer) is gone once this returns: only the tree is left. */
    private static Run run(SyntheticStream stream, long events, boolean buffered) {
        Feeder feeder = new Feeder(buffered);
        for (long fed = 0; fed < events; ) {
            List<Event> batch = stream.next((int) Math.min(BATCH, events - fed));
            feeder.accept(batch);
            fed += batch.size();
        }
        return feeder.build();
    }
}
