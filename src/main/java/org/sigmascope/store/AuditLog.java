package org.sigmascope.store;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;

/**
 * What the analyst did to the case, in order: imports (started, finished, interrupted, resumed, rolled back),
 * scans and re-scans with the identity of the rule set, exports. Entries are only ever added.
 */
public final class AuditLog {
    /** One entry: when, what, and its details as a JSON object. */
    public record Entry(long id, Instant at, String action, String detail) {
    }

    private final Db db;

    AuditLog(Db db) {
        this.db = db;
    }

    /** Adds an entry; {@code detail} values are strings, numbers, booleans or lists of them. */
    public void record(String action, Map<String, ?> detail) throws IOException {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        detail.forEach((key, value) -> node.set(key, JsonCodec.value(value instanceof Integer i ? (Object) (long) i
                : value)));
        db.update("INSERT INTO audit_log (logged_at, action, detail) VALUES (?, ?, ?)",
                LocalDateTime.now(ZoneOffset.UTC), action, JsonCodec.write(node));
    }

    /** Every entry, oldest first. */
    public List<Entry> entries() throws IOException {
        return db.list("SELECT id, logged_at, action, detail FROM audit_log ORDER BY id", List.of(),
                r -> new Entry(r.getLong(1), r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        r.getString(3), r.getString(4)));
    }
}
