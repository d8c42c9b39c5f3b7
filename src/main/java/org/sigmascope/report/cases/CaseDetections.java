package org.sigmascope.report.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.store.CaseStore;

/**
 * Every detection of a case with its event, rule and explanation, and for a correlation hit the events that make
 * it up. Read in one query: detections are far fewer than events, and paging by offset over an order with ties
 * could skip or repeat one.
 */
final class CaseDetections {
    private CaseDetections() {
    }

    static List<Detection> read(CaseStore store) throws IOException {
        Map<String, Detection.CorrelationHit> hits = correlationHits(store);
        List<Detection> detections = new ArrayList<>();
        for (Detection d : store.detections(0, Integer.MAX_VALUE)) {
            Detection.CorrelationHit hit = hits.get(key(d.event().id(), d.rule().id()));
            detections.add(hit == null ? d : new Detection(d.event(), d.rule(), d.match(), hit));
        }
        return detections;
    }

    private static String key(long eventId, String ruleId) {
        return eventId + "|" + ruleId;
    }

    /** The correlation hits, by the event and rule of the detection that reports each. */
    private static Map<String, Detection.CorrelationHit> correlationHits(CaseStore store) throws IOException {
        Map<String, Detection.CorrelationHit> hits = new HashMap<>();
        List<Object[]> rows = store.db().list("SELECT d.event_id, d.rule_id, h.type, h.group_by, "
                        + "(SELECT string_agg(ce.event_id::VARCHAR, ',' ORDER BY ce.position) FROM correlation_events ce "
                        + "WHERE ce.hit_id = h.id) FROM detections d JOIN correlation_hits h ON h.id = d.correlation_id",
                List.of(), r -> new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5)});
        for (Object[] row : rows) {
            Map<String, String> group = new LinkedHashMap<>();
            if (row[3] != null) {
                JsonNode node = JsonCodec.MAPPER.readTree((String) row[3]);
                node.properties().forEach(f -> group.put(f.getKey(), f.getValue().asText()));
            }
            List<Long> events = new ArrayList<>();
            if (row[4] != null && !((String) row[4]).isEmpty()) {
                for (String id : ((String) row[4]).split(",")) {
                    events.add(Long.parseLong(id));
                }
            }
            hits.put(key((Long) row[0], (String) row[1]), new Detection.CorrelationHit((String) row[2], group,
                    events));
        }
        return hits;
    }
}
