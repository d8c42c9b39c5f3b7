package org.sigmascope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.ingest.EvidenceFinder;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The compiled rule engine against the reference evaluator, in one run, with every active SigmaHQ rule and the
 * built-in ones: loading and compiling, the compiled rules' heap, matching speed on replayed corpus events and on
 * generated events (events in memory, so parsing is left out), on one thread and two, and a whole scan from EVTX
 * files to detections. Rates per core are events per CPU-second of the matching threads ({@link ThreadMXBean}), so
 * they hold on a machine busy with other work; wall-clock rates are printed too. Not a test: docs/benchmarks.md has
 * the command.
 *
 * <pre>
 * java -Xmx6g -cp ... org.sigmascope.bench.EngineBenchmark [--corpus DIR] [--generated DIR] [--events N]
 *     [--reference-events N] [--seconds S] [--only replay,generated,end-to-end]
 * </pre>
 */
public final class EngineBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Path corpus = Path.of("../shared/corpus");
    private Path generated = Path.of("target/bench-generated");
    private long generatedEvents = 1_000_000;
    private int referenceEvents = 20_000;
    private double seconds = 5;
    /** The parts to run: {@code replay}, {@code generated}, {@code end-to-end} (all by default). */
    private List<String> parts = List.of("replay", "generated", "end-to-end");

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        EngineBenchmark bench = new EngineBenchmark();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--corpus" -> bench.corpus = Path.of(args[i + 1]);
                case "--generated" -> bench.generated = Path.of(args[i + 1]);
                case "--events" -> bench.generatedEvents = Long.parseLong(args[i + 1]);
                case "--reference-events" -> bench.referenceEvents = Integer.parseInt(args[i + 1]);
                case "--seconds" -> bench.seconds = Double.parseDouble(args[i + 1]);
                case "--only" -> bench.parts = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        bench.run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%d cores, java %s, max heap %d MB, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        RuleSet rules = loadRules();
        System.out.printf(Locale.ROOT, "load %d rules: %.2f s wall, %.2f s CPU%n", rules.rules().size(),
                (System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
        LogsourceMapping mapping = LogsourceMapping.builtin();
        long heapBefore = usedHeap();
        wall = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
        CompiledEngine compiled = new CompiledEngine(rules, mapping);
        double compileWall = (System.nanoTime() - wall) / 1e9;
        double compileCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "compile (first, cold JIT): %.2f s wall, %.2f s CPU; %d plans; heap of the "
                + "compiled rules %d MB (estimate of its tables %d MB)%n", compileWall, compileCpu, compiled.plans(),
                (heapAfter - heapBefore) >> 20, compiled.compiledBytes() >> 20);
        ReferenceEngine reference = new ReferenceEngine(rules, mapping);
        if (parts.contains("replay")) {
            replay(compiled, reference);
        }
        if (!Files.isDirectory(generated)) {
            System.out.printf(Locale.ROOT, "%ngenerating %,d events into %s …%n", generatedEvents, generated);
            Generator.run(GenerateOptions.of(10, generatedEvents, 1, OutputFormat.EVTX, generated), Progress.NONE,
                    Cancellation.NEVER);
        }
        Path evidence = Files.isDirectory(generated.resolve("evidence")) ? generated.resolve("evidence") : generated;
        if (parts.contains("generated")) {
            generated(evidence, compiled, reference);
        }
        if (parts.contains("end-to-end")) {
            System.out.printf(Locale.ROOT, "%nend to end, EVTX files to detections (Scanner, compiled engine):%n");
            if (!parts.contains("generated")) {
                endToEnd(evidence, compiled, 2, false); // warms the JIT and the page cache up, as the parts before do
            }
            for (int threads : new int[] {1, 2}) {
                endToEnd(evidence, compiled, threads, true);
            }
        }
    }

    private void replay(CompiledEngine compiled, ReferenceEngine reference) throws Exception {
        List<Event> replayed = readAll(List.of(corpus.resolve("evtx"), corpus.resolve("formats"),
                corpus.resolve("sigma/regression")));
        System.out.printf(Locale.ROOT, "%nreplayed corpus events: %,d%n", replayed.size());
        compare(replayed, compiled, reference);
    }

    private void generated(Path evidence, CompiledEngine compiled, ReferenceEngine reference) throws Exception {
        List<Event> sample = new ArrayList<>();
        Rate[] streamed = streamGenerated(evidence, compiled, sample, 200_000);
        Rate[] fresh = streamGenerated(evidence, compiled, new ArrayList<>(), 2_000);
        System.out.printf(Locale.ROOT, "%ngenerated events (%s), matched batch by batch as read:%n", evidence);
        print("compiled, 1 thread", streamed[0]);
        print("compiled, 2 threads", streamed[1]);
        print("compiled, 1 thread, batches of 2000", fresh[0]);
        Rate same = timed(sample, compiled, 1, seconds);
        Rate ref1 = timed(sample, reference, 1, 0);
        print("compiled, 1 thread, first " + sample.size(), same);
        print("reference, 1 thread, first " + sample.size(), ref1);
        System.out.printf(Locale.ROOT, "  speed-up per CPU-second on those: %.0fx%n", same.perCpu() / ref1.perCpu());
    }

    private RuleSet loadRules() throws Exception {
        List<RuleLoader.RuleSource> sources = new ArrayList<>();
        sources.add(BuiltinRules.source());
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance")) {
            sources.add(RuleLoader.RuleSource.of(corpus.resolve("sigma/rules/" + tree)));
        }
        return RuleLoader.load(sources, Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/"
                + "placeholders.yml")).withDefaults());
    }

    /** Compiled and reference on the same events: 1 and 2 threads each. */
    private void compare(List<Event> events, CompiledEngine compiled, ReferenceEngine reference)
            throws InterruptedException {
        timed(events, compiled, 1, 1); // warm up
        Rate c1 = timed(events, compiled, 1, seconds);
        Rate c2 = timed(events, compiled, 2, seconds);
        List<Event> slice = everyNth(events, referenceEvents);
        Rate s1 = timed(slice, compiled, 1, seconds);
        Rate r1 = timed(slice, reference, 1, 0);
        Rate r2 = timed(slice, reference, 2, 0);
        print("compiled, 1 thread", c1);
        print("compiled, 2 threads", c2);
        print("compiled, 1 thread, slice of " + slice.size(), s1);
        print("reference, 1 thread, slice of " + slice.size(), r1);
        print("reference, 2 threads, slice of " + slice.size(), r2);
        System.out.printf(Locale.ROOT, "  speed-up per CPU-second on the slice: %.0fx%n", s1.perCpu() / r1.perCpu());
    }

    /** About {@code count} events spread evenly over the list, so that a slice has every kind of event. */
    private static List<Event> everyNth(List<Event> events, int count) {
        int step = Math.max(1, events.size() / Math.max(1, count));
        List<Event> slice = new ArrayList<>();
        for (int i = 0; i < events.size() && slice.size() < count; i += step) {
            slice.add(events.get(i));
        }
        return slice;
    }

    /** Events, detections, wall and CPU nanoseconds of the matching threads. */
    private record Rate(long events, long detections, long wallNanos, long cpuNanos) {
        double perCpu() {
            return events / (cpuNanos / 1e9);
        }

        double perWall() {
            return events / (wallNanos / 1e9);
        }

        Rate plus(Rate other) {
            return new Rate(events + other.events, detections + other.detections, wallNanos + other.wallNanos,
                    cpuNanos + other.cpuNanos);
        }
    }

    private static void print(String what, Rate rate) {
        System.out.printf(Locale.ROOT, "  %-38s %,12.0f events per CPU-second, %,12.0f events/s wall (%,d events, "
                + "%,d detections)%n", what, rate.perCpu(), rate.perWall(), rate.events(), rate.detections());
    }

    /**
     * Matches the events on {@code threads} threads, each taking every {@code threads}-th event, over and over for
     * at least {@code seconds} (once when 0).
     */
    private static Rate timed(List<Event> events, RuleEngine engine, int threads, double seconds)
            throws InterruptedException {
        AtomicLong matched = new AtomicLong();
        AtomicLong detections = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long[] found = {0};
                Consumer<Detection> sink = d -> found[0]++;
                long count = 0;
                do {
                    for (int i = first; i < events.size(); i += threads) {
                        engine.match(events.get(i), sink);
                        count++;
                    }
                } while (System.nanoTime() < deadline);
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                matched.addAndGet(count);
                detections.addAndGet(found[0]);
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Rate(matched.get(), detections.get(), System.nanoTime() - started, cpu.get());
    }

    /**
     * Reads the generated evidence in batches of {@code size} events; each batch is matched on 1 thread, then (for
     * batches over 10,000) on 2. Batches of 200,000 are matched long after their events were read, out of the CPU
     * caches; batches of 2,000 still in them, as a scan matches events a moment after reading them.
     */
    private Rate[] streamGenerated(Path evidence, CompiledEngine engine, List<Event> sample, int size)
            throws Exception {
        Rate[] totals = {new Rate(0, 0, 0, 0), new Rate(0, 0, 0, 0)};
        List<Event> batch = new ArrayList<>();
        boolean[] warm = {false};
        for (EvidenceFinder.Found found : EvidenceFinder.find(List.of(evidence))) {
            Optional<EvidenceReader> reader = FormatDetector.readerFor(found.path());
            if (reader.isEmpty()) {
                continue;
            }
            Source source = new Source(1, found.path(), found.displayName(), reader.get().format());
            reader.get().read(ReadRequest.of(source, ReadOptions.defaults()), event -> {
                batch.add(event);
                if (sample.size() < referenceEvents) {
                    sample.add(event);
                }
                if (batch.size() == size) {
                    matchBatch(batch, engine, totals, warm);
                }
            });
        }
        matchBatch(batch, engine, totals, warm);
        return totals;
    }

    private static void matchBatch(List<Event> batch, CompiledEngine engine, Rate[] totals, boolean[] warm) {
        try {
            if (!warm[0]) {
                timed(batch, engine, 1, 0);
                warm[0] = true;
            }
            totals[0] = totals[0].plus(timed(batch, engine, 1, 0));
            if (batch.size() > 10_000) {
                totals[1] = totals[1].plus(timed(batch, engine, 2, 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        batch.clear();
    }

    private static void endToEnd(Path evidence, CompiledEngine engine, int threads, boolean print)
            throws IOException {
        long[] detections = {0};
        long cpuBefore = processCpu();
        ScanSummary summary = Scanner.scan(new ScanRequest(List.of(evidence), engine,
                ReadOptions.defaults().withThreads(threads), Level.INFORMATIONAL, 1, 1), new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        detections[0]++;
                    }
                }, Progress.NONE, Cancellation.NEVER);
        double cpu = (processCpu() - cpuBefore) / 1e9;
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "  %d thread(s): %,d events, %,d detections in %.1f s wall: %,.0f events/s "
                + "wall; process CPU %.1f s: %,.0f events per CPU-second%n", threads, summary.events(),
                detections[0], summary.nanos() / 1e9, summary.events() / (summary.nanos() / 1e9), cpu,
                summary.events() / cpu);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<Event> readAll(List<Path> inputs) throws IOException {
        List<Event> events = new ArrayList<>();
        for (EvidenceFinder.Found found : EvidenceFinder.find(inputs)) {
            Optional<EvidenceReader> reader;
            try {
                reader = FormatDetector.readerFor(found.path());
            } catch (IOException e) {
                continue;
            }
            if (reader.isEmpty()) {
                continue;
            }
            Source source = new Source(1, found.path(), found.displayName(), reader.get().format());
            try {
                reader.get().read(ReadRequest.of(source, ReadOptions.defaults().withThreads(1)),
                        e -> events.add(e.withId(events.size() + 1)));
            } catch (IOException e) {
                // an unreadable file of the corpus: its events so far are kept
            }
        }
        return events;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
