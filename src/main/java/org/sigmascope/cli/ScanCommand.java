package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
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
import org.sigmascope.report.scan.ScanContext;
import org.sigmascope.report.scan.ScanOutput;
import org.sigmascope.report.scan.ScanOutputs;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.diagnostics.EvidenceProfile;
import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.task.Cancellation;

/** {@code sigmascope scan}: match evidence against Sigma rules and print the detections. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan evidence (EVTX, JSON, CSV files or folders) with Sigma rules and print the detections.")
final class ScanCommand implements Callable<Integer> {
    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "informational",
            description = "Report only detections of this level or above: informational, low, medium, high, critical.")
    String minLevel;

    @Option(names = "--include-recovered", description = "Also scan records carved from EVTX slack space.")
    boolean includeRecovered;

    @Mixin
    EvidenceOptions evidenceOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: table, csv, jsonl, html, pdf, hayabusa, timeline or timesketch "
                    + "(default: by the -o file's extension, else table).")
    String format;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the times in html, pdf, hayabusa and timeline output (default: UTC).")
    String timeZone;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path output;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "compiled",
            description = "Rule engine: compiled (the default: all rules compiled together) or reference (the plain "
                    + "evaluator it is checked against); both give the same detections.")
    String engineName;

    @Option(names = "--rule-stats",
            description = "After the scan, print the time and matches of each rule to stderr (compiled engine).")
    boolean ruleStats;

    @Option(names = {"-t", "--threads"}, paramLabel = "THREADS", description = "Worker threads (default: all cores).")
    Integer threads;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Evidence files or folders.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Level level = Level.parse(minLevel).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--min-level must be informational, low, medium, high or critical, not '" + minLevel + "'"));
        String chosen = format != null ? format.toLowerCase(java.util.Locale.ROOT) : ScanOutputs.forFile(output);
        ScanOutputs.problem(chosen, output).ifPresent(problem -> {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        });
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--time-zone: unknown zone '" + timeZone + "'");
        }
        RuleOptions.Loaded loaded = ruleOptions.loadAll(true);
        RuleSet rules = loaded.rules();
        RuleOptions.printProblems(err, loaded.problems());
        rules.failures().forEach(f -> err.println(f));
        rules.duplicates().forEach(d -> err.println(d));
        ReadOptions options = evidenceOptions.apply(ReadOptions.defaults().withIncludeRecovered(includeRecovered),
                spec.commandLine());
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (!engineName.equals("compiled") && !engineName.equals("reference")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--engine must be compiled or reference, not '" + engineName + "'");
        }
        if (ruleStats && !engineName.equals("compiled")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rule-stats needs --engine compiled");
        }
        CompiledEngine compiled = engineName.equals("compiled")
                ? new CompiledEngine(rules, loaded.mapping(), ruleStats) : null;
        RuleEngine matcher = compiled != null ? compiled : new ReferenceEngine(rules, loaded.mapping());
        EvidenceProfile profile = new EvidenceProfile();
        RuleEngine engine = (event, sink) -> {
            profile.record(event);
            matcher.match(event, sink);
        };
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        SourceLines lines = new SourceLines(err, progress);
        ScanSummary summary;
        ScanContext context = new ScanContext(inputs, rules, ruleOptions.sourceNames(true), engineName, level, zone,
                output);
        Writer out = ScanOutputs.writesFileItself(chosen) ? Writer.nullWriter()
                : Outputs.open(output, spec.commandLine().getOut());
        try (out; ScanOutput writer = ScanOutputs.create(chosen, out, context)) {
            ScanListener listener = new ScanListener() {
                @Override
                public void sourceStarted(Source source) {
                    writer.sourceStarted(source);
                }

                @Override
                public boolean wantsEvents() {
                    return writer.wantsEvents();
                }

                @Override
                public void event(Event event) {
                    writer.event(event);
                }

                @Override
                public void detection(Detection detection) {
                    writer.detection(detection);
                }

                @Override
                public void sourceFinished(Source source, SourceStats stats) {
                    lines.finished(source, stats);
                    writer.sourceFinished(source, stats);
                }

                @Override
                public void note(String message) {
                    err.println(message);
                }

                @Override
                public void sourceFailed(Source source, String message) {
                    lines.failed(source, message);
                    writer.sourceFailed(source, message);
                }
            };
            summary = Scanner.scan(new ScanRequest(inputs, engine, options, level, 1, 1)
                    .withCorrelations(CorrelationPlan.of(rules, loaded.mapping())), listener, progress,
                    Cancellation.NEVER);
        }
        Outputs.commit(out);
        progress.finish();
        err.printf("%d source(s), %d events, %d unreadable records, %d detections in %.2fs; %d rules loaded, %d failed%n",
                summary.sources(), summary.events(), summary.failedRecords(), summary.detections(),
                summary.nanos() / 1e9, rules.rules().size() + rules.correlations().size(), rules.failures().size());
        if (compiled != null && ruleStats) {
            RuleStatsTable.print(err, compiled.ruleStats(), compiled.totals());
        }
        String cannotFire = RuleReport.cannotFireSummary(RuleDiagnostics.of(rules, loaded.mapping(), profile), true);
        if (cannotFire != null) {
            err.println(cannotFire + "; 'sigmascope rules check --evidence INPUT…' lists them and why");
        }
        return rules.failures().isEmpty() && loaded.problems().isEmpty() && lines.unreadable() == 0 ? 0 : 1;
    }
}
