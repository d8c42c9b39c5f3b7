package org.sigmascope.cli;

import java.io.PrintWriter;

import org.sigmascope.task.Progress;

/**
 * Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise (logs and CI).
 */
final class ProgressPrinter implements Progress {
    private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private boolean drawn;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        long now = System.nanoTime();
        if (now - lastPrinted < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastPrinted = now;
        int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
        double seconds = (now - started) / 1e9;
        if (terminal) {
            int width = 30;
            int filled = percent * width / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + String.format("%3d%%  %6.1fs", percent, seconds));
            drawn = true;
        } else {
            err.println(String.format("progress: %d%% after %.1fs", percent, seconds));
        }
        err.flush();
    }

    /** Clears the bar before results or the summary are printed. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
