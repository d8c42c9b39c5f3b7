package org.sigmascope.ui.timeline;

import java.util.List;

import org.sigmascope.store.timeline.Sort;

/**
 * What the timeline shows, as the Back button restores it.
 *
 * @param query          the query bar's text
 * @param chips          the filter chips
 * @param detectionsOnly whether only events with detections are shown
 * @param sort           the order
 */
public record TimelineState(String query, List<FilterChip> chips, boolean detectionsOnly, Sort sort) {
    public TimelineState {
        chips = List.copyOf(chips);
    }
}
