package org.sigmascope.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * A case: one DuckDB file holding the evidence sources, their events, and the detections. Thread-safe: every
 * method runs under the store's lock, since a DuckDB connection serves one statement at a time.
 */
public final class CaseStore implements AutoCloseable {
    private final Path file;
    private final DuckDBConnection connection;
    private DuckDBAppender events;
    private DuckDBAppender detections;
    private final Set<String> knownRules = new HashSet<>();

    private CaseStore(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens a case file, creating it when it does not exist. */
    public static CaseStore open(Path file) throws IOException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            Schema.create(connection);
            CaseStore store = new CaseStore(file, connection.unwrap(DuckDBConnection.class));
            store.loadKnownRules();
            return store;
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("cannot open the case " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private void loadKnownRules() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM rules")) {
            while (rows.next()) {
                knownRules.add(rows.getString(1));
            }
        }
    }

    /** The id the next source added should take. */
    public synchronized int nextSourceId() throws IOException {
        return (int) queryLong("SELECT coalesce(max(id), 0) + 1 FROM sources");
    }

    /** The id the next event added should take (rows not yet {@link #flush() committed} do not count). */
    public synchronized long nextEventId() throws IOException {
        return queryLong("SELECT coalesce(max(id), 0) + 1 FROM events");
    }

    public synchronized long eventCount() throws IOException {
        return queryLong("SELECT count(*) FROM events");
    }

    public synchronized long detectionCount() throws IOException {
        return queryLong("SELECT count(*) FROM detections");
    }

    private long queryLong(String sql) throws IOException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records a source as being imported. */
    public synchronized void addSource(Source source, long size, String sha256) throws IOException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sources (id, path, display_name, format, size, sha256, status, added_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'importing', ?)")) {
            insert.setInt(1, source.id());
            insert.setString(2, source.path().toAbsolutePath().toString());
            insert.setString(3, source.displayName());
            insert.setString(4, source.format());
            insert.setLong(5, size);
            insert.setString(6, sha256);
            insert.setObject(7, LocalDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records the figures of a source whose import finished (or failed, with {@code status} failed). */
    public synchronized void finishSource(int sourceId, SourceStats stats, String status) throws IOException {
        flush();
        ArrayNode diagnostics = JsonCodec.MAPPER.createArrayNode();
        for (Diagnostic d : stats.diagnostics()) {
            diagnostics.addObject().put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .put("location", d.location()).put("message", d.message());
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sources SET status = ?, events = ?, failed = ?, chunks_skipped = ?, recovered = ?, "
                        + "warnings = ?, diagnostics = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, stats.events());
            update.setLong(3, stats.failed());
            update.setLong(4, stats.chunksSkipped());
            update.setLong(5, stats.recovered());
            update.setLong(6, stats.warnings());
            update.setString(7, JsonCodec.write(diagnostics));
            update.setInt(8, sourceId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized List<SourceRow> sources() throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT id, display_name, format, size, sha256, status, events, "
                     + "failed, chunks_skipped, recovered, warnings FROM sources ORDER BY id")) {
            while (r.next()) {
                rows.add(new SourceRow(r.getInt(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                        r.getString(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    /** Appends an event; rows are written in batches, see {@link #flush()}. */
    public synchronized void append(Event event) throws IOException {
        try {
            if (events == null) {
                events = connection.createAppender("main", "events");
            }
            events.beginRow()
                    .append(event.id())
                    .append(event.sourceId())
                    .append(event.recordId());
            if (event.timestamp() == null) {
                events.appendNull();
            } else {
                events.append(LocalDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC));
            }
            events.append(event.computer())
                    .append(event.channel())
                    .append(event.provider())
                    .append(event.eventId())
                    .append(event.level())
                    .append(JsonCodec.fieldsText(event.fields()))
                    .append(event.location())
                    .append(event.recovered())
                    .endRow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Appends a detection of an event appended before, and the rule's details the first time it fires. */
    public synchronized void append(Detection detection) throws IOException {
        try {
            RuleInfo rule = detection.rule();
            if (knownRules.add(rule.id())) {
                addRule(rule);
            }
            if (detections == null) {
                detections = connection.createAppender("main", "detections");
            }
            detections.beginRow()
                    .append(detection.event().id())
                    .append(rule.id())
                    .append(rule.level().ordinal())
                    .append(JsonCodec.write(JsonCodec.match(detection.match())));
            if (detection.correlation() == null) {
                detections.appendNull();
            } else {
                detections.append(JsonCodec.write(JsonCodec.correlation(detection.correlation())));
            }
            detections.endRow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void addRule(RuleInfo rule) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, rule.id());
            insert.setString(2, rule.title());
            insert.setString(3, rule.level().sigmaName());
            insert.setString(4, rule.status());
            insert.setString(5, rule.author());
            insert.setString(6, rule.description());
            insert.setString(7, JsonCodec.write(JsonCodec.value(rule.references())));
            insert.setString(8, JsonCodec.write(JsonCodec.value(rule.tags())));
            insert.setString(9, rule.license());
            insert.setString(10, rule.path());
            insert.executeUpdate();
        }
    }

    /**
     * Commits pending rows, so that they are visible to queries and survive a crash. Call it from the thread
     * that appended: DuckDB appenders belong to the thread that made them, so they are closed here and the next
     * append opens new ones.
     */
    public synchronized void flush() throws IOException {
        try {
            if (events != null) {
                events.close();
                events = null;
            }
            if (detections != null) {
                detections.close();
                detections = null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Detections, most severe first, then by time; one page. */
    public synchronized List<Detection> detections(int offset, int limit) throws IOException {
        String sql = "SELECT e.id, e.source_id, e.record_id, e.ts, e.computer, e.channel, e.provider, e.event_id, "
                + "e.level, e.fields, e.location, e.recovered, "
                + "r.id, r.title, r.level, r.status, r.author, r.description, r.refs, r.tags, r.license, r.path, "
                + "d.match "
                + "FROM detections d JOIN events e ON e.id = d.event_id JOIN rules r ON r.id = d.rule_id "
                + "ORDER BY d.level_rank DESC, e.ts, e.id, r.title LIMIT ? OFFSET ?";
        List<Detection> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, limit);
            query.setInt(2, offset);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    Event event = event(r);
                    RuleInfo rule = new RuleInfo(r.getString(13), r.getString(14),
                            Level.parse(r.getString(15)).orElse(Level.MEDIUM), r.getString(16), r.getString(17),
                            r.getString(18), strings(r.getString(19)), strings(r.getString(20)), r.getString(21),
                            r.getString(22));
                    result.add(new Detection(event, rule, JsonCodec.parseMatch(r.getString(23))));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return result;
    }

    /** Events in time order; one page. */
    public synchronized List<Event> events(long offset, int limit) throws IOException {
        List<Event> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, source_id, record_id, ts, computer, channel, provider, event_id, level, fields, location, "
                        + "recovered FROM events ORDER BY ts, id LIMIT ? OFFSET ?")) {
            query.setInt(1, limit);
            query.setLong(2, offset);
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    result.add(event(r));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return result;
    }

    private static Event event(ResultSet r) throws SQLException {
        LocalDateTime ts = r.getObject(4, LocalDateTime.class);
        Instant time = ts == null ? null : ts.toInstant(ZoneOffset.UTC);
        return new Event(r.getLong(1), r.getInt(2), r.getLong(3), time, r.getString(5), r.getString(6),
                r.getString(7), r.getInt(8), r.getInt(9), JsonCodec.parseFields(r.getString(10)), r.getLong(11),
                r.getBoolean(12));
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        try {
            JsonCodec.MAPPER.readTree(json).forEach(node -> list.add(node.asText()));
        } catch (IOException e) {
            return List.of();
        }
        return list;
    }

    private IOException failure(SQLException e) {
        return new IOException("case " + file.getFileName() + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            flush();
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
