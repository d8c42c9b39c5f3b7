package org.sigmascope.ui.evidence;

import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;

/**
 * A line of the evidence panel: a source with its figures, the gaps found in its logs, and, while it is being
 * imported, how far the import is (0 … 1; -1 when not importing).
 */
public record EvidenceItem(SourceRow source, long gaps, double progress) {

    /** The status in words. */
    public String status() {
        return switch (source.status()) {
            case IMPORTING -> progress >= 0 ? String.format("importing %.0f%%", progress * 100) : "importing";
            case INTERRUPTED -> "interrupted";
            case COMPLETE -> "complete";
            case FAILED -> "could not be read";
        };
    }

    /** Events in the case from this source (the watermark while importing). */
    public long events() {
        return source.status() == SourceStatus.COMPLETE ? source.events() : source.committedEvents();
    }

    /** Whether it has problems to list (unreadable records, warnings, skipped chunks). */
    public boolean hasProblems() {
        return source.failed() > 0 || source.warnings() > 0 || source.chunksSkipped() > 0
                || source.status() == SourceStatus.FAILED;
    }
}
