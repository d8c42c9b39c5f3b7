package org.sigmascope.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a case file made by an older Sigmascope to the current {@link Schema}, one version at a time, each step
 * in one transaction: a failed step leaves the case as it was. A case from a newer Sigmascope is refused rather
 * than guessed at.
 */
final class Migrations {
    private Migrations() {
    }

    /** Creates the tables of a new case, or migrates an existing one; returns the version it was at (0 if new). */
    static int apply(Db db) throws IOException {
        boolean exists = db.number("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' "
                + "AND table_name = 'meta'") > 0;
        if (!exists && db.readOnly()) {
            // An empty file or another program's database: say so, rather than fail on creating the tables.
            throw new IOException("case " + db.file().getFileName() + " is a DuckDB database but not a Sigmascope "
                    + "case (it has no meta table)");
        }
        if (!exists) {
            db.inTransaction(tx -> {
                try {
                    Schema.create(tx.connection());
                } catch (java.sql.SQLException e) {
                    throw tx.failure(e);
                }
                return null;
            });
            return 0;
        }
        int version = (int) db.first("SELECT value FROM meta WHERE key = 'schema_version'", List.of(),
                r -> Integer.parseInt(r.getString(1))).orElse(1);
        if (version > Schema.VERSION) {
            throw new IOException("case " + db.file().getFileName() + " was made by a newer Sigmascope (schema "
                    + version + "; this one reads up to " + Schema.VERSION + ")");
        }
        if (version < Schema.VERSION && db.readOnly()) {
            throw new IOException("case " + db.file().getFileName() + " has schema " + version
                    + " and must be opened for writing once to be upgraded to " + Schema.VERSION);
        }
        if (version == 1) {
            db.inTransaction(tx -> {
                tx.execute(fromVersion1().toArray(String[]::new));
                try {
                    Schema.createMissing(tx.connection());
                } catch (java.sql.SQLException e) {
                    throw tx.failure(e);
                }
                tx.update("UPDATE meta SET value = ? WHERE key = 'schema_version'", "2");
                return null;
            });
        }
        return version;
    }

    /**
     * Version 1 (the walking skeleton): fields as VARCHAR, -1 for absent numbers, no promoted columns, no
     * watermarks, rules without a content hash, detections without a source. Its {@code correlation} column was
     * never filled (no correlation engine existed), so it is dropped.
     */
    private static List<String> fromVersion1() {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE events RENAME TO events_v1");
        sql.add(Schema.EVENTS);
        StringBuilder promoted = new StringBuilder();
        for (PromotedFields.Promoted p : PromotedFields.ALL) {
            promoted.append("json_extract_string(fields, '$.\"").append(p.field()).append("\"'), ");
        }
        sql.add("INSERT INTO events SELECT id, source_id, nullif(record_id, -1), ts, computer, channel, provider, "
                + "nullif(event_id, -1), nullif(level, -1)::TINYINT, " + promoted
                + "fields::JSON, location, recovered FROM events_v1");
        sql.add("DROP TABLE events_v1");
        sql.add("CREATE TABLE field_names (name VARCHAR PRIMARY KEY)");
        sql.add("INSERT INTO field_names SELECT DISTINCT unnest(json_keys(fields)) FROM events");
        sql.add("ALTER TABLE sources ADD COLUMN committed_events BIGINT DEFAULT 0");
        sql.add("ALTER TABLE sources ADD COLUMN committed_location BIGINT");
        sql.add("ALTER TABLE sources ADD COLUMN finished_at TIMESTAMP");
        sql.add("UPDATE sources SET committed_events = (SELECT count(*) FROM events e WHERE e.source_id = sources.id)");
        sql.add("UPDATE sources SET status = 'interrupted' WHERE status = 'importing'");
        sql.add("ALTER TABLE rules ADD COLUMN hash VARCHAR DEFAULT 'unknown'");
        sql.add("ALTER TABLE detections RENAME TO detections_v1");
        sql.add("""
                CREATE TABLE detections (
                    event_id BIGINT NOT NULL, source_id INTEGER NOT NULL, rule_id VARCHAR NOT NULL,
                    rule_hash VARCHAR, level_rank TINYINT NOT NULL, match JSON, correlation_id BIGINT,
                    scanned_at TIMESTAMP)""");
        sql.add("INSERT INTO detections SELECT d.event_id, e.source_id, d.rule_id, 'unknown', d.level_rank, "
                + "d.match::JSON, NULL, NULL FROM detections_v1 d JOIN events e ON e.id = d.event_id");
        sql.add("DROP TABLE detections_v1");
        return sql;
    }
}
