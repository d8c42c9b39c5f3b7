package org.sigmascope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;
import org.sigmascope.scan.CaseCorrelations;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.correlation.CorrelationRun;
import org.sigmascope.sigma.correlation.RunLimits;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * What correlations cost. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:target/lib/*" org.sigmascope.bench.CorrelationBench [MATCHES] [EVENTS]
 * </pre>
 *
 * <ol>
 *   <li>The run alone: {@code MATCHES} base-rule detections (default 1,000,000, in random time order over a day,
 *       400 users on 50 computers) offered to three correlations (event_count, value_count, temporal_ordered), then
 *       finished: matches per second, and the heap they hold.</li>
 *   <li>A case: {@code EVENTS} generated events (default 200,000, four hosts, EVTX, with the WMI stories) imported
 *       with the built-in rules, then the correlation pass alone, again: its share of an import.</li>
 * </ol>
 */
public final class CorrelationBench {
    private static final String RULES = """
            title: A
            name: a
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 1001}, condition: selection}
            ---
            title: B
            name: b
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 1002}, condition: selection}
            ---
            title: C
            name: c
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 1003}, condition: selection}
            ---
            title: Burst per user
            correlation: {type: event_count, rules: [a], group-by: [User], timespan: 5m, condition: {gte: 10}}
            ---
            title: Many users per computer
            correlation:
                type: value_count
                rules: [a, b]
                group-by: [Computer]
                timespan: 1h
                condition: {field: User, gte: 30}
            ---
            title: A, B, C in order
            correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [Computer, User], timespan: 10m}
            """;

    private CorrelationBench() {
    }

    public static void main(String[] args) throws IOException {
        int matches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path dir = Files.createTempDirectory("sigmascope-correlation-bench-");
        System.out.printf(Locale.ROOT, "%s %s, %d cores, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        run(dir, matches);
        caseImport(dir, events);
    }

    private static void run(Path dir, int count) throws IOException {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, RULES);
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(file)));
        if (!rules.failures().isEmpty()) {
            throw new IllegalStateException(rules.failures().toString());
        }
        List<Detection> detections = detections(rules, count);
        CorrelationPlan plan = CorrelationPlan.of(rules, LogsourceMapping.builtin());
        for (int round = 0; round < 3; round++) {
            System.gc();
            long heapBefore = usedHeap();
            long cpu = cpu();
            long started = System.nanoTime();
            CorrelationRun run = plan.start(new RunLimits(count, 100_000, 10_000));
            detections.forEach(run::offer);
            long offered = System.nanoTime();
            System.gc();
            long held = usedHeap() - heapBefore;
            List<Detection> hits = run.finish();
            long finished = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: %,d matches offered in %.2f s (%,.0f/s), finished in %.2f s "
                            + "(%,.0f/s), %.2f CPU-s in all; %,d hits; heap held by the run %,d MiB "
                            + "(%d bytes a match)%n",
                    round + 1, count, (offered - started) / 1e9, count / ((offered - started) / 1e9),
                    (finished - offered) / 1e9, count / ((finished - offered) / 1e9), (cpu() - cpu) / 1e9, hits.size(),
                    held >> 20, held / count);
        }
    }

    /** Base-rule detections as an engine would give them, in random time order over a day. */
    private static List<Detection> detections(RuleSet rules, int count) {
        Random random = new Random(1);
        Instant start = Instant.parse("2024-03-11T00:00:00Z");
        List<SigmaRule> base = rules.rules();
        List<Detection> detections = new ArrayList<>(count);
        Match match = new Match(List.of());
        for (int i = 0; i < count; i++) {
            int rule = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
            String user = "user" + random.nextInt(400);
            String computer = "WS" + random.nextInt(50);
            Event event = new Event(i + 1, 1, i + 1, start.plusNanos((long) (random.nextDouble() * 86_400e9)),
                    computer, "Security", "", 1001 + rule, 0, Fields.of(Map.of("EventID", 1001L + rule, "User", user,
                    "Computer", computer)), i, false);
            detections.add(new Detection(event, base.get(rule).info(), match));
        }
        return detections;
    }

    private static void caseImport(Path dir, int events) throws IOException {
        Path out = dir.resolve("generated");
        Generator.run(GenerateOptions.of(4, events, 1, OutputFormat.EVTX, out), Progress.NONE, Cancellation.NEVER);
        RuleSet rules = RuleLoader.load(List.of(BuiltinRules.source()));
        CaseRules caseRules = CaseRules.reference(rules, LogsourceMapping.builtin());
        try (CaseStore store = CaseStore.open(dir.resolve("case.duckdb"))) {
            long cpu = cpu();
            long started = System.nanoTime();
            CaseScan.run(store, List.of(out.resolve("evidence")), caseRules, CaseScan.Options.defaults(),
                    Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            System.out.printf(Locale.ROOT, "case: import of %,d events (read, match %d rules, store, correlate) "
                            + "%.1f s, %.1f CPU-s%n", events, rules.rules().size(),
                    (System.nanoTime() - started) / 1e9, (cpu() - cpu) / 1e9);
            for (int round = 0; round < 3; round++) {
                cpu = cpu();
                started = System.nanoTime();
                CaseCorrelations.Summary pass = CaseCorrelations.run(store, caseRules, CommitPolicy.defaults(),
                        Progress.NONE, Cancellation.NEVER);
                System.out.printf(Locale.ROOT, "case: correlation pass %d: %,d candidate events of %,d, %d hits, "
                                + "%.2f s, %.2f CPU-s%n", round + 1, pass.events(), store.eventCount(), pass.hits(),
                        (System.nanoTime() - started) / 1e9, (cpu() - cpu) / 1e9);
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** CPU time of the whole process (all threads, finished ones too), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
