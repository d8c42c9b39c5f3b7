package org.sigmascope.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's match on an event, or a correlation rule's hit on a group of events.
 *
 * @param event       the event that matched; for a correlation hit, the last event that completed it
 * @param rule        the rule that matched
 * @param match       why it matched; for a correlation hit, why it fired: the selection {@code condition} (the
 *                    measured value against the threshold), {@code group-by} (the group's values) and one
 *                    {@code rule …} selection per referenced rule (the events it contributed)
 * @param correlation the correlation hit, or {@code null} for a single-event detection
 */
public record Detection(Event event, RuleInfo rule, Match match, CorrelationHit correlation) {

    public Detection(Event event, RuleInfo rule, Match match) {
        this(event, rule, match, null);
    }

    /**
     * The events that make up a correlation hit.
     *
     * @param type     the correlation type ({@code event_count}, {@code temporal_ordered} …)
     * @param group    the group-by values of the hit, in the order of the rule's {@code group-by}
     * @param eventIds the ids of the events that make it up, in time order
     */
    public record CorrelationHit(String type, Map<String, String> group, List<Long> eventIds) {
        public CorrelationHit {
            group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
            eventIds = List.copyOf(eventIds);
        }
    }
}
