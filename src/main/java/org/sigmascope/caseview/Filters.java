package org.sigmascope.caseview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.store.Db;
import org.sigmascope.store.EventRows;
import org.sigmascope.store.query.SqlFilter;

/** Compiled timeline filters put together, and where an event stands in a filtered timeline. */
public final class Filters {
    private Filters() {
    }

    /** All the filters at once (their AND); {@link SqlFilter#all()} for none. */
    public static SqlFilter and(List<SqlFilter> filters) {
        List<SqlFilter> parts = filters.stream().filter(f -> !f.sql().equals("TRUE")).toList();
        if (parts.isEmpty()) {
            return SqlFilter.all();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlFilter part : parts) {
            sql.append(sql.length() == 0 ? "" : " AND ").append('(').append(part.sql()).append(')');
            params.addAll(part.params());
        }
        return new SqlFilter(sql.toString(), params);
    }

    /**
     * How many events of the filter come before the event in time order (oldest first, then by id): its row in a
     * timeline sorted so. An event without a time comes after all timed ones.
     */
    public static long indexInTimeOrder(Db db, SqlFilter filter, Event event) throws IOException {
        List<Object> params = new ArrayList<>(filter.params());
        String before;
        if (event.timestamp() == null) {
            before = "(e.ts IS NOT NULL OR e.id < ?)";
            params.add(event.id());
        } else {
            long t = EventRows.nanos(event.timestamp());
            before = "(e.ts < make_timestamp_ns(?) OR (e.ts = make_timestamp_ns(?) AND e.id < ?))";
            params.addAll(List.of(t, t, event.id()));
        }
        return db.number("SELECT count(*) FROM events e WHERE (" + filter.sql() + ") AND " + before,
                params.toArray());
    }
}
