package org.sigmascope.store.timeline;

/**
 * How the timeline is ordered: by a field (any column or event field, as the query language names them), then by
 * event id, so that the order is total and keyset paging never skips or repeats a row. Events without a value
 * for the field come last.
 */
public record Sort(String field, boolean descending) {
    /** Oldest first: the timeline's default. */
    public static Sort byTime() {
        return new Sort("time", false);
    }

    /** Parses {@code field} or {@code -field} (descending), the form saved searches keep. */
    public static Sort parse(String text) {
        if (text == null || text.isBlank()) {
            return byTime();
        }
        String t = text.strip();
        return t.startsWith("-") ? new Sort(t.substring(1), true) : new Sort(t, false);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + field;
    }
}
