package org.sigmascope.caseview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.store.Db;

/**
 * What a timeline row shows beside its event that {@link org.sigmascope.store.timeline.TimelineRow} does not
 * carry: the titles of the rules that fired on it, and how many notes the analyst wrote on it.
 *
 * @param ruleTitles the titles of the rules that fired on the event, most severe first
 * @param notes      notes on the event
 */
public record RowExtras(List<String> ruleTitles, int notes) {
    public static final RowExtras NONE = new RowExtras(List.of(), 0);

    public RowExtras {
        ruleTitles = List.copyOf(ruleTitles);
    }

    /** The extras of these events (those with none are left out of the map). */
    public static Map<Long, RowExtras> of(Db db, List<Long> eventIds) throws IOException {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        String in = "(" + String.join(", ", Collections.nCopies(eventIds.size(), "?")) + ")";
        Map<Long, List<String>> titles = new HashMap<>();
        for (Object[] row : db.list("SELECT d.event_id, coalesce(r.title, d.rule_id) FROM detections d "
                + "LEFT JOIN rules r ON r.id = d.rule_id WHERE d.event_id IN " + in
                + " GROUP BY d.event_id, 2 ORDER BY d.event_id, max(d.level_rank) DESC, 2", eventIds,
                r -> new Object[] {r.getLong(1), r.getString(2)})) {
            titles.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<Long, Integer> notes = new HashMap<>();
        for (long[] row : db.list("SELECT event_id, count(*) FROM notes WHERE event_id IN " + in
                + " GROUP BY event_id", eventIds, r -> new long[] {r.getLong(1), r.getLong(2)})) {
            notes.put(row[0], (int) row[1]);
        }
        Map<Long, RowExtras> extras = new HashMap<>();
        for (long id : eventIds) {
            List<String> t = titles.getOrDefault(id, List.of());
            int n = notes.getOrDefault(id, 0);
            if (!t.isEmpty() || n > 0) {
                extras.put(id, new RowExtras(t, n));
            }
        }
        return extras;
    }
}
