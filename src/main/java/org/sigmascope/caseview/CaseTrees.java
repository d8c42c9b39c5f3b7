package org.sigmascope.caseview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.ProcessTreeBuilder;
import org.sigmascope.proctree.SightingReader;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.EventRows;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The process trees of a case: the events that say something about processes ({@link SightingReader#SELECTORS}:
 * Sysmon, Security 4688/4689 and the like, PowerShell), read from the case in time order a page at a time by
 * keyset and given to a {@link ProcessTreeBuilder}. The evidence is not read again.
 */
public final class CaseTrees {
    /** Events read from the case at a time. */
    static final int PAGE = 10_000;

    private CaseTrees() {
    }

    public static ProcessTree build(CaseStore store, Progress progress, Cancellation cancellation)
            throws IOException {
        StringBuilder where = new StringBuilder("(");
        List<Object> selectorParams = new ArrayList<>();
        for (SightingReader.Selector selector : SightingReader.SELECTORS) {
            if (selectorParams.size() > 0) {
                where.append(" OR ");
            }
            where.append("((e.channel = ? OR e.provider = ?) AND e.event_id IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(selector.eventIds().size(), "?")))
                    .append("))");
            selectorParams.add(selector.channel());
            selectorParams.add(selector.provider());
            selectorParams.addAll(selector.eventIds().stream().sorted().toList());
        }
        where.append(") AND e.ts IS NOT NULL");
        long total = store.db().number("SELECT count(*) FROM events e WHERE " + where, selectorParams.toArray());
        ProcessTreeBuilder builder = new ProcessTreeBuilder();
        try {
            long read = 0;
            long afterTs = Long.MIN_VALUE;
            long afterId = Long.MIN_VALUE;
            while (true) {
                cancellation.check();
                List<Object> params = new ArrayList<>(selectorParams);
                params.addAll(List.of(afterTs, afterTs, afterId, PAGE));
                List<Event> page = store.db().list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE " + where
                        + " AND (e.ts > make_timestamp_ns(?) OR (e.ts = make_timestamp_ns(?) AND e.id > ?)) "
                        + "ORDER BY e.ts, e.id LIMIT ?", params, r -> EventRows.event(r, 1));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(builder::accept);
                read += page.size();
                Event last = page.get(page.size() - 1);
                afterTs = EventRows.nanos(last.timestamp());
                afterId = last.id();
                progress.update(read, total, "Building the process trees");
            }
            return builder.build();
        } catch (IOException | RuntimeException e) {
            builder.close();
            throw e;
        }
    }
}
