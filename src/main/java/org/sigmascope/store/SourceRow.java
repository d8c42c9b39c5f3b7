package org.sigmascope.store;

/**
 * A source of a case, with its import figures, as the evidence panel shows it.
 *
 * @param path              the evidence file, absolute, as it was when imported
 * @param status            where its import stands
 * @param events            events read (for a finished import; see {@code committedEvents} while it runs)
 * @param committedEvents   events of this source that are in the case: the import's watermark
 * @param committedLocation where in the file the last committed event was read (byte offset or line), or -1
 */
public record SourceRow(int id, String path, String displayName, String format, long size, String sha256,
                        SourceStatus status, long events, long failed, long chunksSkipped, long recovered,
                        long warnings, long committedEvents, long committedLocation) {

    /** Whether the import stopped before the end and can be resumed or rolled back. */
    public boolean interrupted() {
        return status == SourceStatus.INTERRUPTED;
    }
}
