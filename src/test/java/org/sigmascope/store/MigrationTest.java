package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Event;

/** A case made by the first Sigmascope (schema 1) opens in this one, upgraded, with nothing lost. */
class MigrationTest {
    @TempDir
    Path dir;

    /** The schema-1 tables exactly as the walking skeleton made them, with one source, two events, a detection. */
    private static void makeVersion1(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("CREATE TABLE sources (id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, display_name VARCHAR NOT "
                    + "NULL, format VARCHAR NOT NULL, size BIGINT, sha256 VARCHAR, status VARCHAR NOT NULL, events "
                    + "BIGINT DEFAULT 0, failed BIGINT DEFAULT 0, chunks_skipped BIGINT DEFAULT 0, recovered BIGINT "
                    + "DEFAULT 0, warnings BIGINT DEFAULT 0, diagnostics VARCHAR, added_at TIMESTAMP)");
            s.execute("CREATE TABLE events (id BIGINT NOT NULL, source_id INTEGER NOT NULL, record_id BIGINT, "
                    + "ts TIMESTAMP_NS, computer VARCHAR, channel VARCHAR, provider VARCHAR, event_id INTEGER, "
                    + "level INTEGER, fields VARCHAR, location BIGINT, recovered BOOLEAN)");
            s.execute("CREATE TABLE rules (id VARCHAR PRIMARY KEY, title VARCHAR, level VARCHAR, status VARCHAR, "
                    + "author VARCHAR, description VARCHAR, refs VARCHAR, tags VARCHAR, license VARCHAR, path VARCHAR)");
            s.execute("CREATE TABLE detections (event_id BIGINT NOT NULL, rule_id VARCHAR NOT NULL, level_rank "
                    + "INTEGER NOT NULL, match VARCHAR, correlation VARCHAR)");
            s.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', '1')");
            s.execute("INSERT INTO sources VALUES (1, '/evidence/sysmon.jsonl', 'sysmon.jsonl', 'json', 100, 'ab', "
                    + "'complete', 2, 0, 0, 0, 0, '[]', '2024-01-01 00:00:00')");
            s.execute("INSERT INTO events VALUES (1, 1, 7, '2024-03-11 08:00:01.1234567', 'WS01', "
                    + "'Microsoft-Windows-Sysmon/Operational', 'Microsoft-Windows-Sysmon', 1, 4, "
                    + "'{\"EventID\":1,\"Image\":\"C:\\\\Windows\\\\scrcons.exe\",\"User\":\"CORP\\\\bob\"}', 10, "
                    + "false), (2, 1, -1, NULL, '', '', '', -1, -1, '{\"Note\":null}', 20, false)");
            s.execute("INSERT INTO rules VALUES ('r1', 'Rule one', 'high', 'test', 'me', '', '[]', '[]', '', 'x.yml')");
            s.execute("INSERT INTO detections VALUES (1, 'r1', 3, '[]', NULL)");
        }
    }

    @Test
    void aVersion1CaseIsUpgraded() throws Exception {
        Path file = dir.resolve("v1.duckdb");
        makeVersion1(file);
        try (CaseStore store = CaseStore.open(file)) {
            assertEquals("2", store.db().first("SELECT value FROM meta WHERE key = 'schema_version'", List.of(),
                    r -> r.getString(1)).orElseThrow());
            List<Event> events = store.events(0, 10);
            assertEquals(2, events.size());
            Event first = events.get(0);
            assertEquals("C:\\Windows\\scrcons.exe", first.fields().get("Image"));
            assertEquals(123_456_700, first.timestamp().getNano(), "100 ns kept");
            assertEquals(-1, events.get(1).eventId(), "absent numbers stay absent");
            assertEquals(-1, events.get(1).recordId());
            assertTrue(events.get(1).fields().contains("Note"), "present-but-null fields kept");
            assertEquals(1, store.timeline().count(store.timeline().filter("Image:*scrcons.exe")),
                    "the promoted column was filled");
            assertEquals(1, store.timeline().count(store.timeline().filter("User:\"CORP\\bob\"")));
            assertEquals(1, store.timeline().count(store.timeline().filter("level:high")));
            assertEquals(2, store.sources().get(0).committedEvents());
            assertEquals(SourceStatus.COMPLETE, store.sources().get(0).status());
            assertEquals("unknown", store.rules().hashes().get("r1"), "old rules are re-scanned on the next scan");
            assertTrue(store.audit().entries().stream().anyMatch(e -> e.action().equals("schema_upgraded")));
        }
        try (CaseStore again = CaseStore.open(file)) {
            assertEquals(2, again.eventCount());
        }
    }

    @Test
    void aCaseFromANewerSigmascopeIsRefused() throws SQLException, IOException {
        Path file = dir.resolve("future.duckdb");
        try (CaseStore store = CaseStore.open(file)) {
            store.db().update("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        IOException e = assertThrows(IOException.class, () -> CaseStore.open(file));
        assertTrue(e.getMessage().contains("newer Sigmascope"), e.getMessage());
    }
}
