package org.sigmascope.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;

/** Reads correlation hits back: their type, group-by values, and events in order ({@code correlation_*} tables). */
final class CorrelationHits {
    private CorrelationHits() {
    }

    /** The hits of these ids, by id. */
    static Map<Long, Detection.CorrelationHit> read(Db db, List<Long> ids) throws IOException {
        Map<Long, Detection.CorrelationHit> hits = new HashMap<>();
        if (ids.isEmpty()) {
            return hits;
        }
        String in = "(" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, List<Long>> events = new HashMap<>();
        for (long[] row : db.list("SELECT hit_id, event_id FROM correlation_events WHERE hit_id IN " + in
                + " ORDER BY hit_id, position", ids, r -> new long[] {r.getLong(1), r.getLong(2)})) {
            events.computeIfAbsent(row[0], id -> new ArrayList<>()).add(row[1]);
        }
        for (Object[] row : db.list("SELECT id, type, group_by FROM correlation_hits WHERE id IN " + in, ids,
                r -> new Object[] {r.getLong(1), r.getString(2), r.getString(3)})) {
            long id = (Long) row[0];
            hits.put(id, new Detection.CorrelationHit((String) row[1], group((String) row[2]),
                    events.getOrDefault(id, List.of())));
        }
        return hits;
    }

    private static Map<String, String> group(String json) throws IOException {
        Map<String, String> group = new LinkedHashMap<>();
        if (json != null) {
            JsonNode node = JsonCodec.MAPPER.readTree(json);
            node.properties().forEach(field -> group.put(field.getKey(), field.getValue().asText()));
        }
        return group;
    }
}
