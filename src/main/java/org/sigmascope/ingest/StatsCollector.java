package org.sigmascope.ingest;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.SourceStats;

/**
 * Counts what a reader read and keeps the first diagnostics. Thread-safe, so parallel chunk workers can share
 * one. The number of diagnostics kept is capped: a hostile file must not fill memory with error messages, and
 * the counts still say how many there were.
 */
public final class StatsCollector {
    public static final int MAX_DIAGNOSTICS = 1000;

    private final String file;
    private long events;
    private long failed;
    private long chunksSkipped;
    private long recovered;
    private long warnings;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public StatsCollector(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public synchronized void event() {
        events++;
    }

    public synchronized void events(long count) {
        events += count;
    }

    public synchronized void recovered(long count) {
        recovered += count;
    }

    /** A record or line that could not be read; it is lost, so this is an error. */
    public synchronized void failed(Diagnostic diagnostic) {
        failed++;
        keep(diagnostic);
    }

    public synchronized void chunkSkipped(Diagnostic diagnostic) {
        chunksSkipped++;
        keep(diagnostic);
    }

    /** Something doubtful about data that was kept (a checksum mismatch, lossy text). */
    public synchronized void warning(Diagnostic diagnostic) {
        warnings++;
        keep(diagnostic);
    }

    public void failedAtLine(long line, String message) {
        failed(Diagnostic.errorAtLine(file, line, message));
    }

    public void failedAtOffset(long offset, String message) {
        failed(Diagnostic.errorAtOffset(file, offset, message));
    }

    public void warningAtOffset(long offset, String message) {
        warning(Diagnostic.warningAtOffset(file, offset, message));
    }

    public void warningAtLine(long line, String message) {
        warning(Diagnostic.warningAtLine(file, line, message));
    }

    private void keep(Diagnostic diagnostic) {
        if (diagnostics.size() < MAX_DIAGNOSTICS) {
            diagnostics.add(diagnostic);
        }
    }

    public synchronized SourceStats snapshot() {
        return new SourceStats(events, failed, chunksSkipped, recovered, warnings, diagnostics);
    }
}
