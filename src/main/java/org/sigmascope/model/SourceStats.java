package org.sigmascope.model;

import java.util.List;

/**
 * What reading one source gave: the figures an analyst checks before trusting the evidence.
 *
 * @param events        events read (recovered ones included)
 * @param failed        records or lines that could not be read
 * @param chunksSkipped EVTX chunks skipped whole (bad signature, unreadable header)
 * @param recovered     records carved from slack space (read, or only counted when recovery is off)
 * @param warnings      warnings (checksum mismatches, lossy text) — data kept
 * @param diagnostics   the first diagnostics, with locations (capped, so a hostile file cannot fill memory)
 */
public record SourceStats(long events, long failed, long chunksSkipped, long recovered, long warnings,
                          List<Diagnostic> diagnostics) {
    public SourceStats {
        diagnostics = List.copyOf(diagnostics);
    }

    public static SourceStats empty() {
        return new SourceStats(0, 0, 0, 0, 0, List.of());
    }
}
