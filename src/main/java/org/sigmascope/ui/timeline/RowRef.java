package org.sigmascope.ui.timeline;

/**
 * A row of the timeline's table by position: what the table holds instead of the row itself, so that a table of
 * ten million rows holds no rows at all. Its content comes from the {@link PageCache} when the row is shown.
 *
 * @param list  which result it belongs to (a new query makes a new list)
 * @param index its position in the result
 */
public record RowRef(long list, int index) {
}
