package org.sigmascope.proctree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Event;

/**
 * The truth Sysmon's GUIDs give about real evidence: which process each start event logged and its parent, to
 * check links made without the GUIDs (by process id and time) against.
 */
final class SysmonTruth {
    private final Map<Guid, Integer> ids = new HashMap<>();
    private final Map<Long, Integer> startEvents = new HashMap<>();
    private final Map<Integer, Integer> parents = new HashMap<>();
    private final Map<Integer, Boolean> started = new HashMap<>();

    SysmonTruth(List<Event> events) {
        for (Event event : events) {
            if (event.eventId() != 1 || !event.channel().equals(SightingReader.SYSMON_CHANNEL)) {
                continue;
            }
            Guid self = Guid.parseOrNull(event.fields().text("ProcessGuid"));
            Guid parent = Guid.parseOrNull(event.fields().text("ParentProcessGuid"));
            if (self == null) {
                continue;
            }
            int id = id(self);
            startEvents.put(event.id(), id);
            started.put(id, true);
            parents.put(id, parent == null ? -1 : id(parent));
        }
    }

    private int id(Guid guid) {
        return ids.computeIfAbsent(guid, g -> ids.size());
    }

    /** Maps another event (a 4688 of the same start) to the process a Sysmon start event logged. */
    void alias(long eventId, long sysmonEventId) {
        Integer id = startEvents.get(sysmonEventId);
        if (id != null) {
            startEvents.put(eventId, id);
        }
    }

    int processOfStart(long eventId) {
        return startEvents.getOrDefault(eventId, -1);
    }

    int parentOf(int process) {
        return parents.getOrDefault(process, -1);
    }

    boolean started(int process) {
        return started.getOrDefault(process, false);
    }

    int starts() {
        return started.size();
    }
}
