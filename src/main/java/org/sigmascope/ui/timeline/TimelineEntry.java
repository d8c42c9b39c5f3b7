package org.sigmascope.ui.timeline;

import org.sigmascope.caseview.Gap;
import org.sigmascope.caseview.RowExtras;
import org.sigmascope.model.Event;
import org.sigmascope.store.timeline.TimelineRow;

/**
 * One row of the timeline as shown: the event with its detections, star and tags, the rule titles and notes,
 * the gap before it if any, and the name of its source.
 *
 * @param row    the event and what the case knows about it
 * @param extras rule titles and note count
 * @param gap    a gap right before this event in its log, or {@code null}
 * @param source the display name of its evidence source
 */
public record TimelineEntry(TimelineRow row, RowExtras extras, Gap gap, String source) {
    public TimelineEntry {
        extras = extras == null ? RowExtras.NONE : extras;
        source = source == null ? "" : source;
    }

    public Event event() {
        return row.event();
    }

    public long id() {
        return row.event().id();
    }
}
