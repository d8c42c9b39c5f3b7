package org.sigmascope.report.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.sigmascope.model.Event;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Cursor;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;
import org.sigmascope.store.timeline.TimelineRow;

/**
 * The events of a case that a timeline query keeps, in the timeline's time order, read a page at a time with
 * keyset paging: a case of millions of events streams through without entering the heap whole. The order is
 * total (time, then event id), so two reads of the same case give the same sequence.
 */
public final class CaseEvents implements Iterable<Event> {
    private static final int PAGE = 2_000;

    private final Timeline timeline;
    private final SqlFilter filter;

    public CaseEvents(Timeline timeline, SqlFilter filter) {
        this.timeline = timeline;
        this.filter = filter;
    }

    /** Reading fails with an {@link UncheckedIOException} when the case cannot be read mid-way. */
    @Override
    public Iterator<Event> iterator() {
        return new Iterator<>() {
            private List<TimelineRow> rows = List.of();
            private int next;
            private Cursor cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (next == rows.size() && !last) {
                    Page page = read(cursor);
                    rows = page.rows();
                    next = 0;
                    cursor = page.next();
                    last = cursor == null;
                }
                return next < rows.size();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.get(next++).event();
            }
        };
    }

    private Page read(Cursor after) {
        try {
            return timeline.page(filter, Sort.byTime(), after, PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the time order is always valid", e);
        }
    }
}
