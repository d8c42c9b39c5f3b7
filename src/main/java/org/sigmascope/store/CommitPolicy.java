package org.sigmascope.store;

import java.time.Duration;

/**
 * When an import commits: after so many events, or when the oldest uncommitted event has waited so long,
 * whichever comes first. Large batches append fastest (DuckDB writes a full row group of 122,880 rows at once);
 * the time bound keeps the timeline moving while a slow source is read, and bounds what a crash can lose.
 *
 * @param events  events per batch at most
 * @param maxWait how long an event may wait uncommitted
 */
public record CommitPolicy(int events, Duration maxWait) {
    public CommitPolicy {
        if (events < 1) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
    }

    /** One DuckDB row group per batch, and at least one commit a second. */
    public static CommitPolicy defaults() {
        return new CommitPolicy(122_880, Duration.ofSeconds(1));
    }
}
