package org.sigmascope.store.timeline;

import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.model.Level;

/**
 * A row of the timeline: the event, and what the case knows about it.
 *
 * @param detections how many rules fired on it
 * @param topLevel   the highest level of those rules, or {@code null} when none fired
 * @param starred    whether the analyst starred it
 * @param tags       the analyst's tags on it, sorted
 */
public record TimelineRow(Event event, int detections, Level topLevel, boolean starred, List<String> tags) {
    public TimelineRow {
        tags = List.copyOf(tags);
    }
}
