package org.sigmascope.report.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.sigmascope.model.Event;
import org.sigmascope.store.Db;
import org.sigmascope.store.EventRows;
import org.sigmascope.store.query.SqlFilter;

/**
 * The events of a case that a timeline query keeps, in time order (events without a time last), then by event id:
 * a total order, so two reads of the same case give the same sequence. Read a page at a time with keyset paging,
 * so a case of millions of events streams through without entering the heap whole.
 *
 * <p>Whole events are read in one query a page, rather than through the timeline's pages (ids first, then rows
 * with their tags and stars): for an export of every event that was six times slower.
 */
public final class CaseEvents implements Iterable<Event> {
    private static final int PAGE = 10_000;

    private final Db db;
    private final SqlFilter filter;

    public CaseEvents(Db db, SqlFilter filter) {
        this.db = db;
        this.filter = filter;
    }

    /** Reading fails with an {@link UncheckedIOException} when the case cannot be read mid-way. */
    @Override
    public Iterator<Event> iterator() {
        return new Iterator<>() {
            private List<Event> page = List.of();
            private int next;
            private Event last;
            /** Whether the events with a time are done and those without are being read. */
            private boolean untimed;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == page.size() && !done) {
                    page = read(last, untimed);
                    next = 0;
                    if (!page.isEmpty()) {
                        last = page.get(page.size() - 1);
                    }
                    if (page.size() < PAGE) {
                        // This part is read: after the events with a time come those without, from the start.
                        done = untimed;
                        untimed = true;
                        last = null;
                    }
                }
                return next < page.size();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }

    /** The page after {@code last} ({@code null}: the first) of the events with a time, or of those without. */
    private List<Event> read(Event last, boolean untimed) {
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder where = new StringBuilder("(").append(filter.sql()).append(")");
        String order;
        if (untimed) {
            where.append(" AND e.ts IS NULL");
            if (last != null) {
                where.append(" AND e.id > ?");
                params.add(last.id());
            }
            order = "e.id";
        } else {
            where.append(" AND e.ts IS NOT NULL");
            if (last != null) {
                long nanos = EventRows.nanos(last.timestamp());
                where.append(" AND (epoch_ns(e.ts) > ? OR (epoch_ns(e.ts) = ? AND e.id > ?))");
                params.add(nanos);
                params.add(nanos);
                params.add(last.id());
            }
            order = "e.ts, e.id";
        }
        params.add(PAGE);
        try {
            return db.list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE " + where + " ORDER BY " + order
                    + " LIMIT ?", params, r -> EventRows.event(r, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
