package org.sigmascope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.sigmascope.rulelibrary.LibraryManifest;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.rulelibrary.update.LibraryChanges;
import org.sigmascope.rulelibrary.update.RuleUpdater;
import org.sigmascope.rulelibrary.update.UpdateException;
import org.sigmascope.rulelibrary.update.UpdateLimits;
import org.sigmascope.rulelibrary.update.UpdateRequest;
import org.sigmascope.rulelibrary.update.UpdateResult;
import org.sigmascope.workspace.Workspace;

/**
 * {@code rules update}: fetch a Sigma rule archive into the analyst's rule library, verify it, and report what
 * changed. The only command that uses the network, and only when given a web address or no {@code --from}.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Fetch a Sigma rule release into your rule library (~/.sigmascope/rules/NAME), verify every "
                + "rule, and report the rules added, changed and removed. On any error the library stays as it was.",
                "Without --from, downloads SigmaHQ's latest release package (--package)."})
final class RulesUpdateCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "URL|ZIP",
            description = "An https:// address of a rule archive (.zip), or a .zip file already downloaded.")
    String from;

    @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = UpdateRequest.DEFAULT_PACKAGE,
            description = "SigmaHQ's release package when no --from is given: core, core+, core++, emerging-threats "
                    + "or all (default: ${DEFAULT-VALUE}).")
    String sigmaHqPackage;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = UpdateRequest.DEFAULT_LIBRARY,
            description = "The library to replace or create (default: ${DEFAULT-VALUE}); keep other rule sets "
                    + "under names of their own.")
    String name;

    @Option(names = "--sha256", paramLabel = "HEX",
            description = "Refuse the archive unless its SHA-256 is this (from a trusted source).")
    String sha256;

    @Option(names = "--strict", description = "Refuse the update if any rule cannot be loaded by this version "
            + "(by default such rules are set aside and listed).")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleLibrary library = RuleLibrary.of(Workspace.fromEnvironment());
        UpdateRequest request = new UpdateRequest(from, sigmaHqPackage, name, sha256, strict);
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        UpdateResult result;
        try {
            result = new RuleUpdater(library, UpdateLimits.defaults()).update(request, progress);
        } catch (UpdateException e) {
            progress.finish();
            err.println("sigmascope: rules update: " + e.getMessage());
            err.println("The rule library was not changed.");
            return 1;
        }
        progress.finish();
        print(out, result);
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, UpdateResult result) {
        LibraryManifest manifest = result.manifest();
        LibraryChanges changes = result.changes();
        out.printf("Rule library '%s' updated from %s%n", manifest.name(), manifest.origin());
        out.printf("  archive: %,d bytes, SHA-256 %s%n", manifest.archiveBytes(), manifest.archiveSha256());
        out.printf("  folder:  %s%n", result.folder());
        if (result.firstInstall()) {
            out.printf("  %,d rules installed%n", manifest.rules().size());
        } else {
            out.printf("  %,d rules: %,d added, %,d changed, %,d removed, %,d unchanged%n", manifest.rules().size(),
                    changes.added().size(), changes.changed().size(), changes.removed().size(), changes.unchanged());
        }
        if (!manifest.setAside().isEmpty()) {
            out.printf("  %,d rule files set aside: this version of Sigmascope cannot load them (see %s)%n",
                    manifest.setAside().size(), result.folder().resolve("set-aside.txt"));
        }
        if (result.firstInstall()) {
            return;
        }
        changes.added().forEach(rule -> out.printf("added    %s  %s  (%s)%n", rule.id(), rule.title(), rule.path()));
        changes.changed().forEach(change -> out.printf("changed  %s  %s  (%s)%n", change.after().id(),
                change.after().title(), change.after().path()));
        changes.removed().forEach(rule -> out.printf("removed  %s  %s  (%s)%n", rule.id(), rule.title(), rule.path()));
    }
}
