package org.sigmascope.ingest.evtx.recovery;

import java.util.HashSet;
import java.util.Set;

import org.sigmascope.model.Event;

/**
 * Decides which carved records are recovered: not held by a live chunk, and not carved already from another
 * chunk's slack (evtx-checklist "Recovery": de-duplicated by record id, always counted).
 */
public final class RecoveredRecords {
    private final LiveRecordIds live;
    private final Set<Long> seen = new HashSet<>();
    private long count;

    public RecoveredRecords(LiveRecordIds live) {
        this.live = live;
    }

    /** Whether the carved event is new; counts it when it is. */
    public boolean accept(Event carved) {
        if (live.contains(carved.recordId()) || !seen.add(carved.recordId())) {
            return false;
        }
        count++;
        return true;
    }

    public long count() {
        return count;
    }
}
