package org.sigmascope.sigma.logsource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.EventView;

/**
 * One kind of event a logsource covers: a channel (any when empty), event ids (any when empty), and how the
 * rule's field names are read from it.
 */
public record SourceBinding(Set<String> channels, Set<Integer> eventIds, Map<String, FieldMapping> fields) {
    public SourceBinding {
        channels = channels.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        eventIds = Set.copyOf(eventIds);
        fields = Map.copyOf(fields);
    }

    /** Whether the event is of this kind. Channels compare without case: exports differ in how they write them. */
    public boolean fits(Event event) {
        if (!channels.isEmpty() && !channels.contains(event.channel().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return eventIds.isEmpty() || eventIds.contains(event.eventId());
    }

    /** The event as rules of this logsource see it. */
    public EventView view(Event event) {
        Fields raw = event.fields();
        if (fields.isEmpty()) {
            return EventView.of(raw);
        }
        return new EventView() {
            @Override
            public boolean has(String field) {
                FieldMapping mapping = fields.get(field);
                return mapping != null ? mapping.has(raw) : raw.contains(field);
            }

            @Override
            public Object get(String field) {
                FieldMapping mapping = fields.get(field);
                return mapping != null ? mapping.get(raw) : raw.get(field);
            }

            @Override
            public Fields fields() {
                return raw;
            }
        };
    }
}
