package org.sigmascope.caseview;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.diagnostics.EvidenceProfile;
import org.sigmascope.store.Db;

/**
 * The {@link EvidenceProfile} of a case — which kinds of event it holds and their field names — for the rule
 * diagnostics of the rules view ("cannot fire on this evidence, because …"). Read from the stored events: events
 * of one kind nearly always have the same field names, so grouping by the list of names leaves few groups.
 */
public final class CaseProfile {
    private CaseProfile() {
    }

    public static EvidenceProfile of(Db db) throws IOException {
        EvidenceProfile profile = new EvidenceProfile();
        for (Object[] row : db.list("SELECT coalesce(channel, ''), coalesce(event_id, -1), "
                + "CAST(json_keys(fields) AS JSON) FROM events GROUP BY ALL", List.of(),
                r -> new Object[] {r.getString(1), r.getInt(2), r.getString(3)})) {
            Map<String, Object> names = new LinkedHashMap<>();
            if (row[2] != null) {
                for (JsonNode name : JsonCodec.MAPPER.readTree((String) row[2])) {
                    names.put(name.asText(), "");
                }
            }
            profile.record(new Event(0, 0, -1, null, "", (String) row[0], "", (Integer) row[1], -1,
                    Fields.of(names), 0, false));
        }
        return profile;
    }
}
