package org.sigmascope.store.timeline;

import java.util.List;

/**
 * A value of a column and how many events have it, for the timeline's column filters.
 *
 * @param value the value as text, or {@code null} for events without one
 */
public record ValueCount(String value, long count) {

    /**
     * The most frequent values of a column.
     *
     * @param values   the values, most frequent first
     * @param distinct how many different values there are in all
     */
    public record Values(List<ValueCount> values, long distinct) {
        public Values {
            values = List.copyOf(values);
        }
    }
}
