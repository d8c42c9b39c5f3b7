package org.sigmascope.store;

/** A source of a case, with its import figures, as the evidence panel shows it. */
public record SourceRow(int id, String displayName, String format, long size, String sha256, String status,
                        long events, long failed, long chunksSkipped, long recovered, long warnings) {
}
