package org.sigmascope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of a case file. Kept readable for analysts who open a case with any DuckDB client: one row per
 * source, event, detection and rule, fields and explanations as JSON text.
 */
final class Schema {
    static final int VERSION = 1;

    private static final String[] STATEMENTS = {
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
            status VARCHAR NOT NULL,      -- importing, complete, failed
            events BIGINT DEFAULT 0,
            failed BIGINT DEFAULT 0,
            chunks_skipped BIGINT DEFAULT 0,
            recovered BIGINT DEFAULT 0,
            warnings BIGINT DEFAULT 0,
            diagnostics VARCHAR,          -- JSON list of {severity, location, message}
            added_at TIMESTAMP)""",
        """
        CREATE TABLE IF NOT EXISTS events (
            id BIGINT NOT NULL,
            source_id INTEGER NOT NULL,
            record_id BIGINT,
            ts TIMESTAMP_NS,              -- UTC
            computer VARCHAR,
            channel VARCHAR,
            provider VARCHAR,
            event_id INTEGER,
            level INTEGER,
            fields VARCHAR,               -- JSON object, Sigma field names
            location BIGINT,              -- byte offset or line in the source
            recovered BOOLEAN)""",
        """
        CREATE TABLE IF NOT EXISTS rules (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            level VARCHAR,
            status VARCHAR,
            author VARCHAR,
            description VARCHAR,
            refs VARCHAR,                 -- JSON list
            tags VARCHAR,                 -- JSON list
            license VARCHAR,
            path VARCHAR)""",
        """
        CREATE TABLE IF NOT EXISTS detections (
            event_id BIGINT NOT NULL,
            rule_id VARCHAR NOT NULL,
            level_rank INTEGER NOT NULL,  -- 0 informational … 4 critical
            match VARCHAR,                -- JSON explanation
            correlation VARCHAR)""",
    };

    private Schema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
            statement.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', '" + VERSION + "')");
        }
    }
}
