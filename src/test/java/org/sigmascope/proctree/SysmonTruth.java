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

    /**
     * Maps each Security 4688 to the process of the Sysmon 1 of the same start (same host, process id and image,
     * less than a second apart), so links made from the Security log alone can be checked against Sysmon's GUIDs.
     */
    void pairSecurityStarts(List<Event> events) {
        Map<String, List<Event>> sysmonStarts = new HashMap<>();
        for (Event e : events) {
            if (e.eventId() == 1 && startEvents.containsKey(e.id())) {
                sysmonStarts.computeIfAbsent(startKey(e, FieldValues.pid(e.fields(), "ProcessId"),
                        e.fields().text("Image")), k -> new java.util.ArrayList<>()).add(e);
            }
        }
        for (Event e : events) {
            if (e.eventId() != 4688) {
                continue;
            }
            for (Event sysmon : sysmonStarts.getOrDefault(startKey(e, FieldValues.pid(e.fields(), "NewProcessId"),
                    e.fields().text("NewProcessName")), List.of())) {
                if (Math.abs(java.time.Duration.between(sysmon.timestamp(), e.timestamp()).toMillis()) < 1000) {
                    startEvents.put(e.id(), startEvents.get(sysmon.id()));
                }
            }
        }
    }

    private static String startKey(Event e, long pid, String image) {
        return e.computer().toLowerCase(java.util.Locale.ROOT) + "|" + pid + "|"
                + String.valueOf(Images.baseName(image)).toLowerCase(java.util.Locale.ROOT);
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
