package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.store.CaseStore;
import org.sigmascope.task.Cancellation;

/**
 * {@code sigmascope import}: evidence into a case file, matched against the rules on the way in — what the app does
 * when evidence is dropped on it, for scripts and servers. The case is then searched with {@code query}, drawn with
 * {@code tree --case}, handed on with {@code report --case}, or opened in the app.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import evidence into a case file (created if missing), matching it against the rules: the"
                + " events, the detections and the evidence's SHA-256 go into the case. Adding evidence to a case"
                + " re-matches its older events first if the rules changed.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    RuleOptions ruleOptions;

    @Mixin
    EvidenceOptions evidenceOptions;

    @Option(names = "--include-recovered", description = "Also import records carved from EVTX slack space.")
    boolean includeRecovered;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (.duckdb); created if it does not exist.")
    Path caseFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT",
            description = "Evidence files or folders (.evtx, .json, .jsonl, .csv, archives).")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RuleOptions.Loaded loaded = ruleOptions.loadAll(true);
        RuleSet rules = loaded.rules();
        RuleOptions.printProblems(err, loaded.problems());
        rules.failures().forEach(err::println);
        rules.duplicates().forEach(err::println);
        ReadOptions read = evidenceOptions.apply(ReadOptions.defaults().withIncludeRecovered(includeRecovered),
                spec.commandLine());
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        SourceLines lines = new SourceLines(err, progress);
        CaseScan.Observer observer = new CaseScan.Observer() {
            @Override
            public void sourceFinished(Source source, SourceStats stats) {
                lines.finished(source, stats);
            }

            @Override
            public void sourceFailed(Source source, String message) {
                lines.failed(source, message);
            }

            @Override
            public void alreadyImported(Path path, String existing) {
                progress.finish();
                err.println(TerminalText.safe(path.toString()) + ": left out, the case already holds the same bytes"
                        + " (SHA-256) as " + TerminalText.safe(existing));
            }
        };
        ScanSummary summary;
        try (CaseStore store = CaseStore.open(caseFile)) {
            summary = CaseScan.run(store, inputs, CaseRules.compiled(rules, loaded.mapping()),
                    CaseScan.Options.defaults().withRead(read), progress, Cancellation.NEVER, observer);
        }
        progress.finish();
        err.printf("%s: %d source(s), %d events, %d unreadable records, %d detections imported in %.2fs;"
                        + " %d rules loaded, %d failed%n", TerminalText.safe(caseFile.toString()), summary.sources(),
                summary.events(), summary.failedRecords(), summary.detections(), summary.nanos() / 1e9,
                rules.rules().size(), rules.failures().size());
        return rules.failures().isEmpty() && loaded.problems().isEmpty() && lines.unreadable() == 0 ? 0 : 1;
    }
}
