package org.sigmascope.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.duckdb.DuckDBConnection;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.store.timeline.Timeline;

/**
 * A case: one DuckDB file holding the evidence sources, every event, the detections with their explanations,
 * the analyst's tags, stars, notes, bookmarks and saved searches, and an audit log. Any DuckDB client can open it
 * (docs/case.md). Opening is instant: nothing is parsed again, and an import that a crash or a cancel cut short is
 * found and reported as {@linkplain SourceStatus#INTERRUPTED interrupted}, to be resumed or rolled back.
 *
 * <p>Thread-safe. Reads go through one connection ({@link Db}); an import writes through a {@link CaseWriter}
 * of its own, one at a time.
 */
public final class CaseStore implements AutoCloseable {
    /** Case files this process is importing into: another store opened on one must not call its import dead. */
    private static final Set<Path> IMPORTING = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Db db;
    private Db secondReader;
    private Db timelineReader;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final List<SourceRow> interruptedAtOpen;

    private CaseStore(Path file, Db db) throws IOException {
        this.file = file;
        this.db = db;
        this.interruptedAtOpen = db.readOnly() ? List.of() : markInterrupted();
    }

    /** Opens a case file for reading and writing, creating it when it does not exist, and upgrading its schema. */
    public static CaseStore open(Path file) throws IOException {
        return open(file, false);
    }

    /** Opens an existing case for reading only, as {@code sigmascope query} does: the file is never changed. */
    public static CaseStore openReadOnly(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such case file");
        }
        return open(file, true);
    }

    private static CaseStore open(Path file, boolean readOnly) throws IOException {
        DuckDBConnection connection;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties properties = new Properties();
            if (readOnly) {
                properties.setProperty("duckdb.read_only", "true");
            }
            connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties)
                    .unwrap(DuckDBConnection.class);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("cannot open the case " + file + ": " + e.getMessage(), e);
        }
        Db db = new Db(file, connection, readOnly);
        try {
            int was = Migrations.apply(db);
            CaseStore store = new CaseStore(file, db);
            if (was == 0) {
                store.audit().record("case_created", Map.of("schema", Schema.VERSION));
            } else if (was < Schema.VERSION) {
                store.audit().record("schema_upgraded", Map.of("from", was, "to", Schema.VERSION));
            }
            return store;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A source still {@code importing} at opening belongs to a process that died: it is interrupted. */
    private List<SourceRow> markInterrupted() throws IOException {
        List<SourceRow> found = new ArrayList<>();
        for (SourceRow row : sources()) {
            if (row.status() == SourceStatus.IMPORTING && !IMPORTING.contains(key())) {
                db.update("UPDATE sources SET status = 'interrupted' WHERE id = ?", row.id());
                audit().record("import_interrupted", Map.of("source", row.id(), "path", row.path(),
                        "committed_events", row.committedEvents(), "found", "at opening"));
            }
        }
        for (SourceRow row : sources()) {
            if (row.interrupted()) {
                found.add(row);
            }
        }
        return List.copyOf(found);
    }

    public Path file() {
        return file;
    }

    /** The reading connection, for the timeline and reports. */
    public Db db() {
        return db;
    }

    /**
     * A second reading connection to the case, for long queries (histograms, summaries, gap searches) that should
     * not hold up the quick ones on {@link #db()} (a DuckDB connection runs one statement at a time, but
     * connections of one database run in parallel). Made on first use; closed with the store.
     */
    public synchronized Db secondReader() throws IOException {
        if (secondReader == null) {
            secondReader = newReader();
        }
        return secondReader;
    }

    /**
     * A third reading connection, the timeline's alone, for its counts, histograms and column counts: the timeline
     * {@linkplain Db#cancel cancels} what runs on it when the analyst changes the filter, which must never stop
     * another view's query on {@link #secondReader()}. Made on first use; closed with the store.
     */
    public synchronized Db timelineReader() throws IOException {
        if (timelineReader == null) {
            timelineReader = newReader();
        }
        return timelineReader;
    }

    private Db newReader() throws IOException {
        try {
            return new Db(file, db.connection().duplicate(), db.readOnly());
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }

    public Timeline timeline() {
        return new Timeline(db);
    }

    public Annotations annotations() {
        return new Annotations(db);
    }

    public SavedSearches searches() {
        return new SavedSearches(db);
    }

    public AuditLog audit() {
        return new AuditLog(db);
    }

    public RuleTable rules() {
        return new RuleTable(db);
    }

    /** Imports that were interrupted (found so at opening, or cancelled since): resume or roll them back. */
    public List<SourceRow> interruptedSources() throws IOException {
        return sources().stream().filter(SourceRow::interrupted).toList();
    }

    /** The interrupted imports found when the case was opened. */
    public List<SourceRow> interruptedAtOpen() {
        return interruptedAtOpen;
    }

    /** Starts writing to the case; one writer at a time, used by one thread. */
    public CaseWriter writer(CommitPolicy policy) throws IOException {
        if (db.readOnly()) {
            throw new IOException("case " + file.getFileName() + " is open for reading only");
        }
        if (!writing.compareAndSet(false, true)) {
            throw new IOException("case " + file.getFileName() + " is already being written (one import at a time)");
        }
        if (!IMPORTING.add(key())) {
            writing.set(false);
            throw new IOException("case " + file.getFileName() + " is already being written by another window");
        }
        boolean opened = false;
        try {
            CaseWriter writer = new CaseWriter(this, db.connection().duplicate(), db.connection().duplicate(), policy);
            opened = true;
            return writer;
        } catch (SQLException e) {
            throw db.failure(e);
        } finally {
            if (!opened) {
                writerClosed();
            }
        }
    }

    void writerClosed() {
        IMPORTING.remove(key());
        writing.set(false);
    }

    private Path key() {
        return file.toAbsolutePath().normalize();
    }

    public long eventCount() throws IOException {
        return db.number("SELECT count(*) FROM events");
    }

    public long detectionCount() throws IOException {
        return db.number("SELECT count(*) FROM detections");
    }

    /** The id the next event added will take. */
    public long nextEventId() throws IOException {
        return db.number("SELECT coalesce(max(id), 0) + 1 FROM events");
    }

    public long nextSourceId() throws IOException {
        return db.number("SELECT coalesce(max(id), 0) + 1 FROM sources");
    }

    public List<SourceRow> sources() throws IOException {
        return db.list("SELECT id, path, display_name, format, size, sha256, status, events, failed, chunks_skipped, "
                + "recovered, warnings, committed_events, coalesce(committed_location, -1) FROM sources ORDER BY id",
                List.of(), r -> new SourceRow(r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getLong(5), r.getString(6), SourceStatus.parse(r.getString(7)), r.getLong(8), r.getLong(9),
                        r.getLong(10), r.getLong(11), r.getLong(12), r.getLong(13), r.getLong(14)));
    }

    public SourceRow source(int id) throws IOException {
        return sources().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new IOException("case " + file.getFileName() + " has no source " + id));
    }

    /**
     * Rolls back an interrupted import: deletes the source's events, their detections and the source, and every
     * correlation hit (to be evaluated again), in one transaction. Refused when the analyst annotated any of those
     * events, unless {@code force}, since that would delete the analyst's work too.
     */
    public void rollback(int sourceId, boolean force) throws IOException {
        SourceRow source = source(sourceId);
        if (!source.interrupted()) {
            throw new IOException("source " + sourceId + " (" + source.displayName() + ") is " + source.status().sql()
                    + ", not interrupted: only an interrupted import can be rolled back");
        }
        long annotations = annotations().countForSource(sourceId);
        if (annotations > 0 && !force) {
            throw new IOException("source " + sourceId + " has " + annotations + " tags, stars, notes or bookmarks on "
                    + "its events; rolling it back would delete them (force it to do so anyway)");
        }
        String ofSource = "(SELECT id FROM events WHERE source_id = ?)";
        db.inTransaction(tx -> {
            // A correlation hit may hold events of any source: every correlation is forgotten (its record too), and
            // the next re-scan or import evaluates them again over the events that remain.
            tx.update("DELETE FROM rules WHERE id IN (SELECT DISTINCT rule_id FROM correlation_hits)");
            tx.update("DELETE FROM detections WHERE correlation_id IS NOT NULL");
            tx.update("DELETE FROM correlation_events");
            tx.update("DELETE FROM correlation_hits");
            tx.update("DELETE FROM detections WHERE source_id = ?", sourceId);
            for (String table : List.of("tags", "stars", "notes", "bookmarks")) {
                tx.update("DELETE FROM " + table + " WHERE event_id IN " + ofSource, sourceId);
            }
            tx.update("DELETE FROM events WHERE source_id = ?", sourceId);
            tx.update("DELETE FROM sources WHERE id = ?", sourceId);
            return null;
        });
        audit().record("import_rolled_back", Map.of("source", sourceId, "path", source.path(),
                "events_deleted", source.committedEvents(), "annotations_deleted", annotations));
    }

    /**
     * Detections, most severe first, then by time; one page. A correlation hit comes with its
     * {@link Detection#correlation() events}; {@code timeline().rows(hit.eventIds())} gives them whole.
     */
    public List<Detection> detections(int offset, int limit) throws IOException {
        List<Detection> page = db.list("SELECT " + EventRows.COLUMNS + ", r.id, r.title, r.level, r.status, r.author, "
                        + "r.description, r.refs, r.tags, r.license, r.path, d.match, coalesce(d.correlation_id, -1) "
                        + "FROM detections d JOIN events e ON e.id = d.event_id JOIN rules r ON r.id = d.rule_id "
                        + "ORDER BY d.level_rank DESC, e.ts, e.id, r.title LIMIT ? OFFSET ?",
                List.of(limit, offset), CaseStore::detection);
        return withHits(page);
    }

    /** Fills in the correlation hits of a page of detections: their type, group and events. */
    private List<Detection> withHits(List<Detection> page) throws IOException {
        List<Long> hitIds = new ArrayList<>();
        page.forEach(d -> {
            if (d.correlation() != null) {
                hitIds.add(d.correlation().eventIds().get(0));
            }
        });
        if (hitIds.isEmpty()) {
            return page;
        }
        Map<Long, Detection.CorrelationHit> hits = CorrelationHits.read(db, hitIds);
        List<Detection> filled = new ArrayList<>(page.size());
        for (Detection d : page) {
            filled.add(d.correlation() == null ? d : new Detection(d.event(), d.rule(), d.match(),
                    hits.get(d.correlation().eventIds().get(0))));
        }
        return filled;
    }

    /** The detections of one event, most severe first, with their explanations: for the event's detail view. */
    public List<Detection> detectionsOf(long eventId) throws IOException {
        return withHits(db.list("SELECT " + EventRows.COLUMNS + ", r.id, r.title, r.level, r.status, r.author, "
                        + "r.description, r.refs, r.tags, r.license, r.path, d.match, coalesce(d.correlation_id, -1) "
                        + "FROM detections d JOIN events e ON e.id = d.event_id JOIN rules r ON r.id = d.rule_id "
                        + "WHERE d.event_id = ? ORDER BY d.level_rank DESC, r.title",
                List.of(eventId), CaseStore::detection));
    }

    private static Detection detection(ResultSet r) throws SQLException {
        Event event = EventRows.event(r, 1);
        int c = EventRows.WIDTH + 1;
        RuleInfo rule = new RuleInfo(r.getString(c), r.getString(c + 1),
                Level.parse(r.getString(c + 2)).orElse(Level.MEDIUM), r.getString(c + 3), r.getString(c + 4),
                r.getString(c + 5), strings(r.getString(c + 6)), strings(r.getString(c + 7)), r.getString(c + 8),
                r.getString(c + 9));
        long hitId = r.getLong(c + 11);
        // The hit's id rides in a placeholder until its events are read with those of the whole page.
        return new Detection(event, rule, JsonCodec.parseMatch(r.getString(c + 10)), hitId < 0 ? null
                : new Detection.CorrelationHit("", Map.of(), List.of(hitId)));
    }

    /** Events in time order; one page (the timeline's keyset paging is faster far into a large case). */
    public List<Event> events(long offset, int limit) throws IOException {
        return db.list("SELECT " + EventRows.COLUMNS + " FROM events e ORDER BY e.ts, e.id LIMIT ? OFFSET ?",
                List.of(limit, offset), r -> EventRows.event(r, 1));
    }

    /** The events of these ids (a correlation hit's), in time order; ids not in the case are left out. */
    public List<Event> events(List<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return db.list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE e.id IN (" + in + ") ORDER BY e.ts, e.id",
                List.copyOf(ids), r -> EventRows.event(r, 1));
    }

    private static List<String> strings(String json) {
        List<String> list = new ArrayList<>();
        if (json != null) {
            try {
                JsonCodec.MAPPER.readTree(json).forEach(node -> list.add(node.asText()));
            } catch (IOException e) {
                return List.of();
            }
        }
        return list;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (secondReader != null) {
                secondReader.close();
            }
            if (timelineReader != null) {
                timelineReader.close();
            }
        }
        db.close();
    }
}
