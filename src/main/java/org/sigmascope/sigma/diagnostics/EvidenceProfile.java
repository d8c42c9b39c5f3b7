package org.sigmascope.sigma.diagnostics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.sigmascope.model.Event;

/**
 * What kinds of event some evidence holds: per channel and event id, the field names its events have. Rule
 * diagnostics compare it with what rules need. Thread-safe: a scan records events from several threads.
 */
public final class EvidenceProfile {
    /** A kind of event: its channel ({@code ""} for evidence that is not a Windows event log) and event id. */
    public record Kind(String channel, int eventId) {
        @Override
        public String toString() {
            return (channel.isEmpty() ? "(no channel)" : channel) + (eventId >= 0 ? " " + eventId : "");
        }
    }

    private final Map<Kind, Set<String>> kinds = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();

    public void record(Event event) {
        events.increment();
        Set<String> names = kinds.computeIfAbsent(new Kind(event.channel(), event.eventId()),
                k -> ConcurrentHashMap.newKeySet());
        // Events of one kind mostly have the same fields: skip the copy when nothing is new.
        if (!names.containsAll(event.fields().names())) {
            names.addAll(event.fields().names());
        }
    }

    /** The kinds of event seen, each with the union of its events' field names. */
    public Map<Kind, Set<String>> kinds() {
        return Map.copyOf(kinds);
    }

    public long events() {
        return events.sum();
    }
}
