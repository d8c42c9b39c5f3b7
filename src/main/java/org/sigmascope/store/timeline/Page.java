package org.sigmascope.store.timeline;

import java.util.List;

/**
 * One page of the timeline.
 *
 * @param rows the rows, in order
 * @param next where the next page starts, or {@code null} when this is the last
 */
public record Page(List<TimelineRow> rows, Cursor next) {
    public Page {
        rows = List.copyOf(rows);
    }
}
