package org.sigmascope.sigma.logsource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.EventView;

/**
 * One kind of event a logsource covers, and how the rule's field names are read from it.
 *
 * @param evidence Windows event logs (events with a channel), or evidence of other systems (events without one)
 * @param channels the channels, compared without case since exports differ in how they write them (any
 *                 channel when empty)
 * @param eventIds the event ids (any when empty)
 * @param where    further conditions: the event's field (as the event names it) equals one of the values,
 *                 compared without case
 * @param fields   Sigma field name → how it is read from this kind of event
 */
public record SourceBinding(Evidence evidence, Set<String> channels, Set<Integer> eventIds,
                            Map<String, Set<String>> where, Map<String, FieldMapping> fields) {

    /** What evidence a source describes. */
    public enum Evidence {
        /** Windows event logs: the event has a channel. */
        WINDOWS,
        /** Evidence of other systems (Linux, cloud, proxies …) in JSON or CSV: the event has no channel. */
        OTHER
    }

    public SourceBinding {
        channels = Set.copyOf(channels);
        eventIds = Set.copyOf(eventIds);
        Map<String, Set<String>> lowered = new LinkedHashMap<>();
        where.forEach((field, values) -> lowered.put(field, values.stream().map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet())));
        where = java.util.Collections.unmodifiableMap(lowered);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether the event is of this kind. */
    public boolean fits(Event event) {
        if (!fits(event.channel(), event.eventId())) {
            return false;
        }
        for (Map.Entry<String, Set<String>> condition : where.entrySet()) {
            String value = event.fields().text(condition.getKey());
            if (value == null || !condition.getValue().contains(value.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether events of this channel and event id may be of this kind (the {@code where} conditions aside). */
    public boolean fits(String channel, int eventId) {
        if (evidence == Evidence.OTHER) {
            return channel.isEmpty();
        }
        if (channel.isEmpty() || !eventIds.isEmpty() && !eventIds.contains(eventId)) {
            return false;
        }
        if (channels.isEmpty()) {
            return true;
        }
        for (String known : channels) {
            if (known.equalsIgnoreCase(channel)) {
                return true;
            }
        }
        return false;
    }

    /** The event as rules of this logsource see it. */
    public EventView view(Event event) {
        Fields raw = event.fields();
        EventView plain = EventView.of(raw);
        if (fields.isEmpty()) {
            return plain;
        }
        return new EventView() {
            @Override
            public boolean has(String field) {
                FieldMapping mapping = fields.get(field);
                return mapping != null ? mapping.has(raw) : plain.has(field);
            }

            @Override
            public Object get(String field) {
                FieldMapping mapping = fields.get(field);
                return mapping != null ? mapping.get(raw) : plain.get(field);
            }

            @Override
            public Fields fields() {
                return raw;
            }
        };
    }

    /** Whether events of this kind whose field names are {@code present} can have the Sigma field. */
    public boolean canHave(String field, Set<String> present) {
        FieldMapping mapping = fields.get(field);
        if (mapping != null) {
            return present.containsAll(mapping.sources());
        }
        if (present.contains(field)) {
            return true;
        }
        // A dotted name may be a path into a field holding JSON.
        for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
            if (present.contains(field.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** A short description for messages: {@code Security 4688}, {@code Microsoft-Windows-Sysmon/Operational 1}. */
    public String label() {
        if (evidence == Evidence.OTHER) {
            return "events without a Windows channel";
        }
        String channel = channels.isEmpty() ? "any channel" : String.join(" or ", new TreeSet<>(channels));
        return eventIds.isEmpty() ? channel : channel + " " + new TreeSet<>(eventIds).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}
