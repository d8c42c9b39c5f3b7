package org.sigmascope.store.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sigmascope.model.Event;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Cursor;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The case benchmark (docs/benchmarks.md): imports a large case, closes it, reopens it, and times the timeline's
 * queries. Not a test: run it with {@code -Xmx1g} on a quiet machine.
 *
 * <pre>
 * java -Xmx1g -cp target/sigmascope.jar org.sigmascope.store.bench.CaseBenchmark \
 *     --events 10000000 --case /tmp/bench.duckdb [--evidence DIR] [--corpus DIR] [--hosts 200] [--reuse]
 * </pre>
 *
 * Without {@code --evidence}, events are real corpus events replayed with varied hosts, times and ids
 * ({@link EventReplay}); with it, the files are imported as the app imports them (for {@code sigmascope generate}'s
 * output).
 */
public final class CaseBenchmark {
    private static final int RUNS = 5;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private long events = 10_000_000;
    private int hosts = 200;
    private Path caseFile = Path.of("bench.duckdb");
    private Path evidence;
    private Path corpus = Path.of(System.getProperty("sigmascope.corpus", "../shared/corpus"));
    private boolean reuse;
    /** Whether to match the rules during import, or measure the import alone ({@code --no-rules}). */
    private boolean match = true;

    private CaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CaseBenchmark bench = new CaseBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> bench.events = Long.parseLong(args[++i].replace("_", ""));
                case "--hosts" -> bench.hosts = Integer.parseInt(args[++i]);
                case "--case" -> bench.caseFile = Path.of(args[++i]);
                case "--evidence" -> bench.evidence = Path.of(args[++i]);
                case "--corpus" -> bench.corpus = Path.of(args[++i]);
                case "--reuse" -> bench.reuse = true;
                case "--no-rules" -> bench.match = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        bench.run();
    }

    private void run() throws Exception {
        out.printf("Java %s, max heap %d MiB, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        if (!reuse) {
            importCase();
        }
        long started = System.nanoTime();
        try (CaseStore store = CaseStore.open(caseFile)) {
            Timeline timeline = store.timeline();
            long count = timeline.count(SqlFilter.all());
            Page first = timeline.page(SqlFilter.all(), Sort.byTime(), null, 100);
            row("reopen (open, count, first page of 100)", millis(started), count + " events, "
                    + first.rows().size() + " rows");
            queries(store, timeline);
        }
        row("case file size", 0, String.format("%,d MiB", Files.size(caseFile) >> 20));
        row("peak Java heap", 0, String.format("%,d MiB of %,d", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20));
    }

    private void importCase() throws IOException {
        Files.deleteIfExists(caseFile);
        Files.deleteIfExists(Path.of(caseFile + ".wal"));
        CaseRules rules = CaseRules.compiled(match ? rules() : new RuleSet(List.of(), List.of()),
                LogsourceMapping.builtin());
        out.printf("rules: %d%s%n", rules.rules().rules().size(), match
                ? " (the built-in ones and the SigmaHQ rules with regression samples in the pool)"
                : " (--no-rules: the import alone)");
        try (CaseStore store = CaseStore.open(caseFile)) {
            ScanSummary summary;
            long started = System.nanoTime();
            long cpuBefore = processCpu();
            long threadBefore = threadCpu();
            long gcBefore = gcMillis();
            JavaThreads workers = new JavaThreads("sigmascope-");
            NativeThreads all = new NativeThreads();
            if (evidence != null) {
                summary = CaseScan.run(store, List.of(evidence), rules, options(), Progress.NONE,
                        Cancellation.NEVER, new CaseScan.Observer() { });
            } else {
                Path scratch = Files.createTempDirectory("sigmascope-bench");
                List<Event> pool = CorpusPool.load(corpus, scratch);
                Files.delete(scratch);
                out.printf("pool: %,d real events from the corpus, loaded in %.1f s%n", pool.size(),
                        (System.nanoTime() - started) / 1e9);
                EventReplay replay = new EventReplay(pool, events, hosts, Instant.parse("2026-03-01T00:00:00Z"),
                        Duration.ofDays(30), 42);
                started = System.nanoTime();
                cpuBefore = processCpu();
                threadBefore = threadCpu();
                gcBefore = gcMillis();
                workers.close();
                workers = new JavaThreads("sigmascope-");
                all.close();
                all = new NativeThreads();
                summary = CaseScan.importReader(store, "replay of corpus events", replay, rules, options(), Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            workers.close();
            double cpu = (processCpu() - cpuBefore) / 1e9;
            double importing = (threadCpu() - threadBefore) / 1e9;
            threads(all.seconds(), importing);
            all.close();
            out.printf("import CPU: process %.1f s; the importing thread %.1f s; Java threads named sigmascope-* "
                            + "(readers, stagers, committer) %.1f s; garbage collection %.1f s (wall)%n",
                    cpu, importing,
                    workers.cpu() / 1e9, (gcMillis() - gcBefore) / 1e3);
            row("import (read, match, write, commit)", (long) (seconds * 1000), String.format(
                    "%,d events, %,d detections: %,.0f events/s; %.0f CPU-seconds (%,.0f events per CPU-second)",
                    summary.events(), summary.detections(), summary.events() / seconds, cpu,
                    summary.events() / cpu));
        }
    }

    /**
     * Where the import's CPU went, per thread name as the kernel knows it. The importing thread is named
     * {@code java} there, like DuckDB's threads: its own figure is taken off that line.
     */
    private void threads(Map<String, Double> byName, double importing) {
        StringBuilder line = new StringBuilder("CPU by thread:");
        byName.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f s;",
                        e.getKey().equals("java") ? "DuckDB's (java less the importing thread)" : e.getKey(),
                        e.getKey().equals("java") ? e.getValue() - importing : e.getValue())));
        out.println(line);
    }

    /**
     * The built-in rules and the SigmaHQ rules whose regression samples are among the replayed events, so the case
     * gets detections at a realistic rate (the whole SigmaHQ set would measure the reference engine instead).
     */
    private RuleSet rules() throws IOException {
        Set<String> ids = new HashSet<>();
        Pattern id = Pattern.compile("^\\s+- id: (\\S+)", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(corpus.resolve("sigma/regression"))) {
            for (Path info : files.filter(p -> p.getFileName().toString().equals("info.yml")).toList()) {
                Matcher m = id.matcher(Files.readString(info));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        List<RuleLoader.RuleSource> sources = new ArrayList<>(List.of(BuiltinRules.source()));
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting")) {
            sources.add(RuleLoader.RuleSource.of(corpus.resolve("sigma/rules/" + tree)));
        }
        RuleSet all = RuleLoader.load(sources);
        return new RuleSet(all.rules().stream().filter(r -> r.id().startsWith("ec1d5e28") || ids.contains(r.id()))
                .toList(), List.of());
    }

    private static CaseScan.Options options() {
        String batch = System.getProperty("bench.batch");
        return batch == null ? CaseScan.Options.defaults() : new CaseScan.Options(CaseScan.Options.defaults().read(),
                new org.sigmascope.store.CommitPolicy(Integer.parseInt(batch), Duration.ofSeconds(
                        Long.parseLong(System.getProperty("bench.wait", "1")))));
    }

    private void queries(CaseStore store, Timeline timeline) throws Exception {
        filterPage(timeline, "EventID:4625 AND TargetUserName:a*", Sort.byTime());
        filterPage(timeline, "Image:*\\powershell.exe", new Sort("time", true));
        filterPage(timeline, "Computer:WKS-0042.corp.example AND EventID:(4624 OR 4625 OR 1)", Sort.byTime());
        filterPage(timeline, "EventID:4688 OR EventID:1", new Sort("Computer", false));
        filterPage(timeline, "level:>=high", Sort.byTime());
        filterPage(timeline, "time:[2026-03-10 TO 2026-03-12] AND NOT EventID:4625", Sort.byTime());
        filterPage(timeline, "LogonProcessName:NtLmSsp", Sort.byTime());
        filterPage(timeline, "mimikatz", Sort.byTime());
        filterPage(timeline, "", new Sort("EventID", true));
        SqlFilter all = SqlFilter.all();
        SqlFilter security = timeline.filter("Channel:Security");
        time("histogram, whole case, 100 buckets", () -> timeline.histogram(all, 100).counts().length + " buckets");
        time("histogram, Channel:Security", () -> timeline.histogram(security, 100).counts().length + " buckets");
        for (String column : List.of("Computer", "EventID", "Channel", "Image", "TargetUserName")) {
            time("distinct values of " + column, () -> {
                var values = timeline.distinct(all, column, 100);
                return values.distinct() + " distinct";
            });
        }
        time("distinct values of Image, EventID:1", () -> timeline.distinct(timeline.filter("EventID:1"), "Image",
                100).distinct() + " distinct");
        time("count, EventID:4625", () -> timeline.count(timeline.filter("EventID:4625")) + " events");
        long middle = store.eventCount() / 2;
        time("context ±5 min around an event, 200 rows", () -> timeline.context(middle, Duration.ofMinutes(5),
                Duration.ofMinutes(5), 200, all).size() + " rows");
        Cursor[] cursor = {null};
        Page firstPage = timeline.page(all, Sort.byTime(), null, 100);
        cursor[0] = firstPage.next();
        time("next page (keyset), time order", () -> {
            Page next = timeline.page(all, Sort.byTime(), cursor[0], 100);
            cursor[0] = next.next();
            return next.rows().size() + " rows";
        });
        time("page at offset 5,000,000 (offset paging)", () -> timeline.pageAt(all, Sort.byTime(),
                Math.min(5_000_000, store.eventCount() / 2), 100).size() + " rows");
    }

    private void filterPage(Timeline timeline, String query, Sort sort) throws Exception {
        time("filter + sort + first page: " + (query.isEmpty() ? "(all)" : query) + ", by " + sort, () -> {
            Page page = timeline.page(timeline.filter(query), sort, null, 100);
            return page.rows().size() + " rows";
        });
    }

    @FunctionalInterface
    private interface Measured {
        String run() throws Exception;
    }

    /** Runs a query {@value #RUNS} times; reports the first (cold) and the median of the rest. */
    private void time(String what, Measured query) throws Exception {
        long[] times = new long[RUNS];
        String result = "";
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            result = query.run();
            times[i] = System.nanoTime() - started;
        }
        long cold = times[0] / 1_000_000;
        long[] warm = Arrays.copyOfRange(times, 1, RUNS);
        Arrays.sort(warm);
        out.printf(Locale.ROOT, "| %s | %d ms | %d ms | %s |%n", what, cold, warm[warm.length / 2] / 1_000_000,
                result);
    }

    private void row(String what, long millis, String note) {
        out.printf(Locale.ROOT, "| %s | %s | | %s |%n", what, millis == 0 ? "" : millis + " ms", note);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** CPU time of the whole process, DuckDB's threads included: a figure a busy machine does not distort. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long peakHeap() {
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        long peak = 0;
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
