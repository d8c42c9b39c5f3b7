package org.sigmascope.store.query;

import java.util.List;

/**
 * A compiled query: a SQL boolean expression over the {@code events} table (aliased {@code e}), with {@code ?}
 * placeholders, and the values to bind to them in order. Nothing from the query text is ever part of
 * {@link #sql()}.
 */
public record SqlFilter(String sql, List<Object> params) {
    public SqlFilter {
        params = List.copyOf(params);
    }

    /** The filter that keeps every event. */
    public static SqlFilter all() {
        return new SqlFilter("TRUE", List.of());
    }
}
