package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.diagnostics.EvidenceProfile;
import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.diagnostics.RuleStatus;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/** {@code sigmascope rules …}: work with rule sets. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check Sigma rules, update the rule library.",
        subcommands = {RulesCommand.Check.class, RulesUpdateCommand.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed (check, update)");
    }

    /** {@code rules check}: load rules and report each that fails, as {@code path:line: message}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load rules and report each rule that cannot be loaded, as path:line: message. "
                    + "Without -r, checks the built-in rules.")
    static final class Check implements Callable<Integer> {
        @Mixin
        RuleOptions ruleOptions;

        @Option(names = "--evidence", paramLabel = "INPUT",
                description = "Also report each rule that cannot fire on this evidence (file or folder), and why; "
                        + "repeatable.")
        List<Path> evidence = new ArrayList<>();

        @Option(names = {"-v", "--verbose"}, description = "Also list every loaded rule, rules that cannot fire, "
                + "and warnings.")
        boolean verbose;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RuleOptions.Loaded loaded = ruleOptions.loadAll(ruleOptions.rules.isEmpty());
            EvidenceProfile profile = evidence.isEmpty() ? null : profile(evidence, err);
            List<RuleStatus> statuses = RuleDiagnostics.of(loaded.rules(), loaded.mapping(), profile);
            RuleOptions.printProblems(out, loaded.problems());
            loaded.rules().failures().forEach(out::println);
            loaded.rules().duplicates().forEach(err::println);
            if (verbose) {
                RuleReport.printLoaded(out, statuses);
            }
            if (verbose || profile != null) {
                RuleReport.printCannotFire(out, statuses);
            }
            int failed = loaded.rules().failures().size() + loaded.problems().size();
            out.printf("%d rules loaded, %d failed%n", loaded.rules().rules().size(), failed);
            out.flush();
            String summary = RuleReport.cannotFireSummary(statuses, profile != null);
            if (summary != null) {
                err.println(summary + (verbose || profile != null ? "" : "; -v lists them"));
            }
            return failed == 0 ? 0 : 1;
        }

        /** What kinds of event the evidence holds; sources that cannot be read are named on stderr. */
        private static EvidenceProfile profile(List<Path> inputs, PrintWriter err) throws IOException {
            EvidenceProfile profile = new EvidenceProfile();
            Scanner.scan(new ScanRequest(inputs, (event, sink) -> profile.record(event), ReadOptions.defaults(),
                    Level.INFORMATIONAL, 1, 1), new ScanListener() {
                        @Override
                        public void sourceFailed(Source source, String message) {
                            err.println(source.displayName() + ": " + message + " (left out of the evidence)");
                        }
                    }, Progress.NONE, Cancellation.NEVER);
            return profile;
        }
    }
}
