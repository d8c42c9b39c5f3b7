package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.sigmascope.integrity.EvidenceCheck;
import org.sigmascope.integrity.EvidenceVerifier;
import org.sigmascope.store.CaseStore;

/** {@code sigmascope verify}: re-hash a case's evidence and compare with the SHA-256 recorded at import. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that a case's evidence files are unchanged since import (SHA-256), read-only.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (.duckdb).")
    Path caseFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<EvidenceCheck> checks;
        try (CaseStore store = CaseStore.openReadOnly(caseFile)) {
            checks = EvidenceVerifier.verify(store);
        }
        int bad = 0;
        for (EvidenceCheck check : checks) {
            String verdict = check.verdict().name().toLowerCase(Locale.ROOT);
            if (check.intact()) {
                out.printf("%-10s %s  %s%n", verdict, check.actual(), check.path());
            } else {
                out.printf("%-10s %s  %s: %s%n", verdict, check.recorded() == null ? "-" : check.recorded(),
                        check.path(), check.detail());
                bad += check.verdict() == EvidenceCheck.Verdict.UNRECORDED ? 0 : 1;
            }
        }
        out.printf("%d source(s), %d intact, %d changed or missing%n", checks.size(),
                checks.stream().filter(EvidenceCheck::intact).count(), bad);
        return bad == 0 ? 0 : 1;
    }
}
