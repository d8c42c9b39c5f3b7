package org.sigmascope.model;

import java.util.List;
import java.util.Map;

/**
 * A rule's match on an event, or a correlation rule's hit on a group of events.
 *
 * @param event       the event that matched; for a correlation hit, the last event that completed it
 * @param rule        the rule that matched
 * @param match       why it matched (empty selections for a correlation hit)
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
     * @param group    the group-by values of the hit
     * @param eventIds the ids of the events that make it up, in time order
     */
    public record CorrelationHit(String type, Map<String, String> group, List<Long> eventIds) {
        public CorrelationHit {
            group = Map.copyOf(group);
            eventIds = List.copyOf(eventIds);
        }
    }
}
