package org.sigmascope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a case file (schema version {@value #VERSION}). Kept readable for analysts who open a case with
 * any DuckDB client: one row per source, event, detection and rule; common columns typed; every field of an
 * event in its JSON {@code fields} column; explanations as JSON. docs/case.md documents each table.
 */
final class Schema {
    static final int VERSION = 2;

    static final String EVENTS = """
            CREATE TABLE IF NOT EXISTS events (
                id BIGINT NOT NULL,           -- case-unique, ascending in import order
                source_id INTEGER NOT NULL,
                record_id BIGINT,             -- EVTX EventRecordID, when the evidence gives one
                ts TIMESTAMP_NS,              -- UTC; EVTX keeps 100 ns
                computer VARCHAR,
                channel VARCHAR,
                provider VARCHAR,
                event_id INTEGER,
                level TINYINT,                -- Windows level, 0 log always … 5 verbose
            %s    fields JSON USING COMPRESSION zstd,  -- every field, Sigma names, in the evidence's order
                location BIGINT,              -- byte offset or line in the source
                recovered BOOLEAN)""".formatted(PromotedFields.columnsDdl());

    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS meta (
                key VARCHAR PRIMARY KEY,
                value VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS sources (
                id INTEGER PRIMARY KEY,
                path VARCHAR NOT NULL,
                display_name VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                size BIGINT,
                sha256 VARCHAR,
                status VARCHAR NOT NULL,      -- importing, interrupted, complete, failed
                events BIGINT DEFAULT 0,
                failed BIGINT DEFAULT 0,
                chunks_skipped BIGINT DEFAULT 0,
                recovered BIGINT DEFAULT 0,
                warnings BIGINT DEFAULT 0,
                diagnostics JSON,             -- list of {severity, location, message}
                added_at TIMESTAMP,
                committed_events BIGINT DEFAULT 0,  -- the watermark: events of this source committed so far
                committed_location BIGINT,          -- where in the source the last committed event was read
                finished_at TIMESTAMP)""",
            EVENTS,
            """
            CREATE TABLE IF NOT EXISTS field_names (
                name VARCHAR PRIMARY KEY)     -- every field name some event has, for the query language""",
            """
            CREATE TABLE IF NOT EXISTS rules (
                id VARCHAR PRIMARY KEY,       -- the rule set the detections reflect
                hash VARCHAR NOT NULL,        -- SHA-256 of the rule's YAML document
                title VARCHAR,
                level VARCHAR,
                status VARCHAR,
                author VARCHAR,
                description VARCHAR,
                refs JSON,
                tags JSON,
                license VARCHAR,
                path VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS detections (
                event_id BIGINT NOT NULL,
                source_id INTEGER NOT NULL,
                rule_id VARCHAR NOT NULL,
                rule_hash VARCHAR,
                level_rank TINYINT NOT NULL,  -- 0 informational … 4 critical
                match JSON,                   -- the explanation
                correlation_id BIGINT,        -- the correlation hit this detection reports, or NULL
                scanned_at TIMESTAMP)         -- when the scan that made it started (UTC)""",
            """
            CREATE TABLE IF NOT EXISTS correlation_hits (
                id BIGINT NOT NULL,
                rule_id VARCHAR NOT NULL,
                rule_hash VARCHAR,
                type VARCHAR,
                group_by JSON)""",
            """
            CREATE TABLE IF NOT EXISTS correlation_events (
                hit_id BIGINT NOT NULL,
                event_id BIGINT NOT NULL,
                position INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS tags (
                event_id BIGINT NOT NULL,
                tag VARCHAR NOT NULL,
                added_at TIMESTAMP,
                PRIMARY KEY (event_id, tag))""",
            """
            CREATE TABLE IF NOT EXISTS stars (
                event_id BIGINT PRIMARY KEY,
                added_at TIMESTAMP)""",
            "CREATE SEQUENCE IF NOT EXISTS note_ids",
            """
            CREATE TABLE IF NOT EXISTS notes (
                id BIGINT PRIMARY KEY DEFAULT nextval('note_ids'),
                event_id BIGINT,              -- NULL for a note on the whole case
                text VARCHAR NOT NULL,
                created_at TIMESTAMP,
                updated_at TIMESTAMP)""",
            "CREATE SEQUENCE IF NOT EXISTS bookmark_ids",
            """
            CREATE TABLE IF NOT EXISTS bookmarks (
                id BIGINT PRIMARY KEY DEFAULT nextval('bookmark_ids'),
                name VARCHAR NOT NULL,
                event_id BIGINT,              -- the event it points at, or NULL
                query VARCHAR,                -- the timeline query it restores, or NULL
                created_at TIMESTAMP)""",
            """
            CREATE TABLE IF NOT EXISTS saved_searches (
                name VARCHAR PRIMARY KEY,
                query VARCHAR NOT NULL,
                sort VARCHAR,
                created_at TIMESTAMP)""",
            "CREATE SEQUENCE IF NOT EXISTS audit_ids",
            """
            CREATE TABLE IF NOT EXISTS audit_log (
                id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
                logged_at TIMESTAMP NOT NULL,
                action VARCHAR NOT NULL,      -- case_created, import_*, scan, rescan, export, …
                detail JSON)""");

    private Schema() {
    }

    /** Creates the tables of a new case. */
    static void create(Connection connection) throws SQLException {
        createMissing(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO meta VALUES ('schema_version', '" + VERSION + "')");
        }
    }

    /** Creates the tables (and sequences) a case lacks; a migration's last step. */
    static void createMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : TABLES) {
                statement.execute(sql);
            }
        }
    }
}
