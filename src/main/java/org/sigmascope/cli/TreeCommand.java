package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.model.Timestamps;
import org.sigmascope.proctree.AttackStory;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;
import org.sigmascope.proctree.SightingBuffer;
import org.sigmascope.proctree.TreeOptions;
import org.sigmascope.proctree.TreeStats;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.task.Cancellation;

/** {@code sigmascope tree}: the process trees of evidence, how each parent link was made, and the detections. */
@Command(name = "tree", mixinStandardHelpOptions = true,
        description = "Print the process trees of evidence, with how each parent link was made (exact, inferred,"
                + " unknown) and the detections of the rules on each process.")
final class TreeCommand implements Callable<Integer> {
    @Mixin
    RuleOptions ruleOptions;

    @Mixin
    EvidenceOptions evidenceOptions;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this computer (case-insensitive); repeatable.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME",
            description = "Only processes the evidence places at or after TIME (ISO-8601; UTC unless an offset is given).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only processes the evidence places at or before TIME.")
    String to;

    @Option(names = "--story",
            description = "Only processes with detections, the chain of parents that led to them, and what they started.")
    boolean story;

    @Option(names = "--include-recovered", description = "Also read records carved from EVTX slack space.")
    boolean includeRecovered;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: text or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Evidence files or folders.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "jsonl").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-f must be text or jsonl");
        }
        Instant fromTime = time("--from", from);
        Instant toTime = time("--to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must not be after --to");
        }
        PrintWriter err = spec.commandLine().getErr();
        ReadOptions options = evidenceOptions.apply(ReadOptions.defaults().withIncludeRecovered(includeRecovered),
                spec.commandLine());
        RuleOptions.Loaded loaded = ruleOptions.loadAll(true);
        RuleSet rules = loaded.rules();
        RuleOptions.printProblems(err, loaded.problems());
        rules.failures().forEach(err::println);
        rules.duplicates().forEach(err::println);
        Gathered gathered = new Gathered(err);
        ScanSummary summary = Scanner.scan(new ScanRequest(inputs, new CompiledEngine(rules, loaded.mapping(), false),
                options, Level.INFORMATIONAL, 1, 1).withCorrelations(CorrelationPlan.of(rules, loaded.mapping())),
                gathered, gathered.progress, Cancellation.NEVER);
        gathered.progress.finish();
        ProcessTree tree = gathered.buffer.build(TreeOptions.defaults());
        List<String> shownHosts = hostsToShow(tree, err);
        TreeReport report = new TreeReport(tree, select(tree, gathered, shownHosts, fromTime, toTime), shownHosts,
                gathered.byProcess(tree), gathered.refs);
        Writer out = Outputs.open(output, spec.commandLine().getOut());
        try (out) {
            if (format.equals("jsonl")) {
                TreeJsonlWriter.write(report, out);
            } else {
                TreeTextWriter.write(report, out);
            }
        }
        Outputs.commit(out);
        tree.problems().forEach(problem -> err.println(TerminalText.safe(problem)));
        printSummary(err, summary, tree.stats(), gathered);
        return rules.failures().isEmpty() && loaded.problems().isEmpty() && gathered.lines.unreadable() == 0 ? 0 : 1;
    }

    private Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        Instant instant = Timestamps.parseOrNull(text);
        if (instant == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be an ISO-8601 time such as"
                    + " 2024-03-11T09:00:00Z, not '" + text + "'");
        }
        return instant;
    }

    private List<String> hostsToShow(ProcessTree tree, PrintWriter err) {
        if (hosts.isEmpty()) {
            return tree.hosts();
        }
        List<String> shown = new ArrayList<>();
        for (String wanted : hosts) {
            tree.hosts().stream().filter(h -> h.equalsIgnoreCase(wanted)).findFirst().ifPresentOrElse(shown::add,
                    () -> err.println("no processes on host '" + TerminalText.safe(wanted) + "'; hosts: "
                            + TerminalText.safe(String.join(", ", tree.hosts()))));
        }
        return shown;
    }

    private Selection select(ProcessTree tree, Gathered gathered, List<String> shownHosts, Instant fromTime,
                             Instant toTime) {
        List<Integer> matches = new ArrayList<>();
        int[] detected = story ? AttackStory.of(tree, gathered.detectionEvents()).detectedProcesses() : null;
        for (String host : shownHosts) {
            for (int p : tree.inRange(host, fromTime, toTime)) {
                if (detected == null || java.util.Arrays.binarySearch(detected, p) >= 0) {
                    matches.add(p);
                }
            }
        }
        Selection selection = Selection.of(tree, matches.stream().mapToInt(Integer::intValue).toArray());
        return story ? selection.withDescendants() : selection;
    }

    private static void printSummary(PrintWriter err, ScanSummary summary, TreeStats stats, Gathered gathered) {
        err.printf(Locale.ROOT, "%d source(s), %d events, %d unreadable records; %d processes (%d never seen starting),"
                        + " parent links: %d exact, %d inferred, %d unknown; %d Sysmon and Security views of one start"
                        + " merged; %d detections%n", summary.sources(), summary.events(), summary.failedRecords(),
                stats.processes(), stats.placeholders(), stats.exact(), stats.inferred(), stats.unknown(),
                stats.mergedStarts(), gathered.detections.size());
        if (stats.outOfOrder() > 0) {
            err.printf(Locale.ROOT, "%d events were out of time order by more than the tolerance%n", stats.outOfOrder());
        }
    }

    /** What the scan gives the tree: process events, where start and stop events are, and the detections. */
    private static final class Gathered implements ScanListener {
        final SightingBuffer buffer = new SightingBuffer();
        final Map<Long, TreeReport.EventRef> refs = new HashMap<>();
        final List<TreeReport.DetectionRef> detections = new ArrayList<>();
        final Map<Integer, String> sourceNames = new HashMap<>();
        final PrintWriter err;
        final ProgressPrinter progress;
        final SourceLines lines;

        Gathered(PrintWriter err) {
            this.err = err;
            this.progress = new ProgressPrinter(err, System.console() != null);
            this.lines = new SourceLines(err, progress);
        }

        @Override
        public boolean wantsEvents() {
            return true;
        }

        @Override
        public void sourceStarted(Source source) {
            sourceNames.put(source.id(), source.displayName());
        }

        @Override
        public void event(Event event) {
            buffer.accept(event);
            int id = event.eventId();
            if (id == 1 || id == 5 || id == 4688 || id == 4689) {
                refs.put(event.id(), ref(event));
            }
        }

        @Override
        public void detection(Detection detection) {
            Event event = detection.event();
            detections.add(new TreeReport.DetectionRef(event.id(), detection.rule().id(), detection.rule().title(),
                    detection.rule().level(), event.timestamp(), ref(event)));
        }

        private TreeReport.EventRef ref(Event event) {
            return new TreeReport.EventRef(sourceNames.getOrDefault(event.sourceId(), ""), event.recordId());
        }

        @Override
        public void sourceFinished(Source source, SourceStats stats) {
            lines.finished(source, stats);
        }

        @Override
        public void sourceFailed(Source source, String message) {
            lines.failed(source, message);
        }

        long[] detectionEvents() {
            return detections.stream().mapToLong(TreeReport.DetectionRef::event).toArray();
        }

        Map<Integer, List<TreeReport.DetectionRef>> byProcess(ProcessTree tree) {
            Map<Integer, List<TreeReport.DetectionRef>> byProcess = new HashMap<>();
            for (TreeReport.DetectionRef d : detections) {
                int p = tree.processOfEvent(d.event());
                if (p >= 0) {
                    byProcess.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
                }
            }
            return byProcess;
        }
    }
}
