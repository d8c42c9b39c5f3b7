package org.sigmascope.cli;

import java.io.PrintWriter;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/** How per-source figures and problems are printed on stderr. */
final class Reports {
    /** Diagnostics printed per source; the rest are counted. */
    private static final int SHOWN_DIAGNOSTICS = 20;

    private Reports() {
    }

    static void printSourceStats(PrintWriter err, Source source, SourceStats stats) {
        if (stats.failed() == 0 && stats.warnings() == 0 && stats.chunksSkipped() == 0 && stats.recovered() == 0) {
            err.printf("%s: %d events, 0 unreadable records%n", source.displayName(), stats.events());
            return;
        }
        err.printf("%s: %d events, %d unreadable records, %d chunks skipped, %d recovered from slack, %d warnings%n",
                source.displayName(), stats.events(), stats.failed(), stats.chunksSkipped(), stats.recovered(),
                stats.warnings());
        int shown = 0;
        for (Diagnostic diagnostic : stats.diagnostics()) {
            if (shown++ == SHOWN_DIAGNOSTICS) {
                err.printf("  … and %d more%n", stats.diagnostics().size() - SHOWN_DIAGNOSTICS);
                break;
            }
            err.println("  " + diagnostic);
        }
    }
}
