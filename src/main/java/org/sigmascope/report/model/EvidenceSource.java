package org.sigmascope.report.model;

import java.util.List;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * A piece of evidence and what reading it gave: the figures an analyst checks before trusting the detections.
 *
 * @param id          the source id that {@link org.sigmascope.model.Event#sourceId()} refers to
 * @param path        the file as the analyst gave it (or as found under a folder they gave)
 * @param size        its size in bytes, or -1 when unknown
 * @param sha256      its SHA-256, lower-case hex, or {@code ""} when it was not hashed
 * @param format      the detected format ({@code evtx}, {@code json} …), or {@code "unknown"}
 * @param events      events read
 * @param failed      records or lines that could not be read
 * @param chunksSkipped EVTX chunks skipped whole (bad signature, unreadable header)
 * @param warnings    warnings while reading (checksum mismatches, lossy text): data kept
 * @param recovered   records carved from slack space
 * @param diagnostics the first problems found, with their locations
 * @param error       why the file could not be read at all, or {@code ""} when it was read
 */
public record EvidenceSource(int id, String path, long size, String sha256, String format, long events, long failed,
                             long chunksSkipped, long warnings, long recovered, List<Diagnostic> diagnostics,
                             String error) {
    public EvidenceSource {
        path = CaseDetails.orEmpty(path);
        sha256 = CaseDetails.orEmpty(sha256);
        format = format == null || format.isEmpty() ? "unknown" : format;
        diagnostics = List.copyOf(diagnostics);
        error = CaseDetails.orEmpty(error);
    }

    /** A source that was read, with its figures. */
    public static EvidenceSource read(Source source, SourceStats stats, long size, String sha256) {
        return new EvidenceSource(source.id(), source.displayName(), size, sha256, source.format(), stats.events(),
                stats.failed(), stats.chunksSkipped(), stats.warnings(), stats.recovered(), stats.diagnostics(), "");
    }

    /** A source that could not be read at all. */
    public static EvidenceSource unreadable(Source source, long size, String sha256, String error) {
        return new EvidenceSource(source.id(), source.displayName(), size, sha256, source.format(), 0, 0, 0, 0, 0,
                List.of(), error);
    }
}
