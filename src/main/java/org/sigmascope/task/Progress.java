package org.sigmascope.task;

/**
 * Where long-running engine work reports how far it got. Implementations must be cheap and thread-safe: the
 * engine calls them from worker threads. The UI adapts this to {@code javafx.concurrent.Task}; the CLI draws a
 * progress bar.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, message) -> { };

    /**
     * @param done    work done so far, in the unit of {@code total} (bytes, events)
     * @param total   all the work, or -1 when unknown
     * @param message a short human-readable message, or {@code null} to keep the last one
     */
    void update(long done, long total, String message);
}
