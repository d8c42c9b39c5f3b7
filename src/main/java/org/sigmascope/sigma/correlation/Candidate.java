package org.sigmascope.sigma.correlation;

import java.util.List;
import java.util.Map;

import org.sigmascope.model.Event;

/**
 * What a correlation takes in: a base rule's match on an event, or a hit of a correlation it refers to (a chain).
 *
 * @param nanos   event time (nanoseconds since the epoch): the event's, or for a hit the time of its last event
 * @param eventId the event's id, or for a hit the id of its last event
 * @param event   that event (without its fields once a run keeps too many matches; see {@link RunLimits})
 * @param values  the field values correlations need from it, read when the match was made
 * @param events  for a hit, the events that make it up, in time order; {@code null} for a base match (just itself)
 */
record Candidate(long nanos, long eventId, Event event, Values values, List<EventRef> events) {

    /** An event of a hit: its id and time. */
    record EventRef(long id, long nanos) {
    }

    /** Field values by name; {@code null} when the event does not have the field (or it is null). */
    interface Values {
        Object get(String field);
    }

    /** The values read from a base match, aligned with the field names the plan wants from its rule. */
    record Captured(List<String> names, Object[] values) implements Values {
        @Override
        public Object get(String field) {
            int index = names.indexOf(field);
            return index < 0 ? null : values[index];
        }
    }

    /** A hit's values: its group-by values first, then those of its last event. */
    record OfHit(Map<String, String> group, Values last) implements Values {
        @Override
        public Object get(String field) {
            String grouped = group.get(field);
            return grouped != null ? grouped : last.get(field);
        }
    }

    /** The events the candidate stands for. */
    List<EventRef> refs() {
        return events != null ? events : List.of(new EventRef(eventId, nanos));
    }
}
