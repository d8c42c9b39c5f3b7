package org.sigmascope.cli;

import java.io.PrintWriter;

import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * The lines every command that reads evidence prints on stderr as each source ends: its figures and first
 * problems, or why it could not be read at all; the progress bar is ended first so the lines stand alone. Counts
 * the unreadable sources, which make the exit code 1.
 */
final class SourceLines {
    private final PrintWriter err;
    private final ProgressPrinter progress;
    private int unreadable;

    SourceLines(PrintWriter err, ProgressPrinter progress) {
        this.err = err;
        this.progress = progress;
    }

    void finished(Source source, SourceStats stats) {
        progress.finish();
        Reports.printSourceStats(err, source, stats);
    }

    void failed(Source source, String message) {
        progress.finish();
        err.println(source.displayName() + ": " + message);
        unreadable++;
    }

    /** Sources that could not be read at all. */
    int unreadable() {
        return unreadable;
    }
}
