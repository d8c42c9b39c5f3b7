package org.sigmascope.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Writes an import into the case: events and their detections in batches, each batch committed in one
 * transaction together with its sources' watermarks, so that a crash leaves every source at a batch boundary
 * whose events and detections are all there, and says how far it got.
 *
 * <p>Events are staged column by column in one of two {@link EventBatch}es (their fields' JSON written once, in
 * UTF-8), detections in one of two in-memory staging databases; a full batch is moved into the case with one
 * {@code INSERT … SELECT} per table by a {@link BatchCommitter}, on its own thread, while the next batch is staged
 * in the other. The events' insert reads the Java arrays through a table function ({@link EventScan}), which
 * measured half the CPU of DuckDB's appender; DuckDB compresses and writes full row groups on all cores. Belongs
 * to the thread that opened it (DuckDB appenders are thread-confined); the app reads committed batches through its
 * own connection meanwhile.
 */
public final class CaseWriter implements AutoCloseable {
    private static final AtomicInteger STAGES = new AtomicInteger();
    private static final int MAX_FIELD_NAMES = 100_000;
    /**
     * Text a batch holds at most: bounds the heap an import needs (two batches, one staged while the other commits)
     * whatever the size of the events. Events of 1 KB fill a row group well before it.
     */
    private static final long MAX_BATCH_BYTES = 128L << 20;
    /** DuckDB's threads while an import writes (the database's, not only this connection's). */
    private static final int DUCKDB_THREADS = 1;
    /** How much DuckDB logs before it checkpoints, while an import writes. */
    private static final String CHECKPOINT_THRESHOLD = "256MB";
    /** Tries of the checkpoint at the end of an import, 100 ms apart, while other connections read. */
    private static final int CHECKPOINT_ATTEMPTS = 50;
    private static final Logger LOG = Logger.getLogger(CaseWriter.class.getName());

    private final CaseStore store;
    private final DuckDBConnection connection;
    private final BatchCommitter committer;
    private final CommitPolicy policy;
    private final String[] stages = new String[2];
    private int current;
    private Map<Integer, long[]> watermarks = new LinkedHashMap<>();
    /** Field names known to be in {@code field_names}; names seen since the last commit are added with it. */
    private final Set<String> knownNames = new HashSet<>();
    private List<String> newNames = new ArrayList<>();
    /** Recent events' name lists: an event named like one before costs no lookups in {@link #knownNames}. */
    private final NameLayouts layouts = new NameLayouts();
    /** The events staged for each staging database's batch. */
    private final EventBatch[] batches = {new EventBatch(), new EventBatch()};
    private DuckDBAppender detections;
    private DuckDBAppender hits;
    private DuckDBAppender hitEvents;
    /** When this writer started: the time its detections were made. */
    private final LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC);
    private long nextEventId;
    private long nextHitId;
    private int pendingEvents;
    private long pendingDetections;
    private long oldestPending;

    CaseWriter(CaseStore store, DuckDBConnection connection, DuckDBConnection commits, CommitPolicy policy)
            throws IOException {
        this.store = store;
        this.connection = connection;
        this.policy = policy;
        try (Statement statement = connection.createStatement()) {
            this.committer = new BatchCommitter(commits, this::failure);
            // Batches smaller than a row group (a slow source, committed each second) go through DuckDB's log; at
            // the default 16 MB DuckDB would checkpoint every few of them, rewriting the table's last row group
            // each time. Checkpointing every 256 MB measured 20% less CPU for such an import (docs/benchmarks.md);
            // closing the writer checkpoints, and a crash replays at most that much log on reopening.
            statement.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
            // DuckDB's worker threads wait for tasks by spinning before they sleep; an import's inserts hand them
            // little parallel work, so on two cores they burned 3-4 CPU-seconds per million events, and more when
            // the machine was busy, for nothing: the import's own threads (parsing, matching, committing) keep the
            // cores busy. With one thread the insert runs on the committing thread alone, and a million generated
            // events cost 25% less CPU (docs/benchmarks.md, "Session 3"). Reset when the writer closes.
            statement.execute("SET threads = " + DUCKDB_THREADS);
            for (int i = 0; i < stages.length; i++) {
                stages[i] = "sigmascope_stage_" + STAGES.incrementAndGet();
                statement.execute("ATTACH ':memory:' AS " + stages[i]);
                BatchCommitter.createStage(statement, stages[i]);
            }
            nextEventId = single(statement, "SELECT coalesce(max(id), 0) + 1 FROM events");
            nextHitId = single(statement, "SELECT coalesce(max(id), 0) + 1 FROM correlation_hits");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void closeAppenders() throws SQLException {
        for (DuckDBAppender appender : new DuckDBAppender[] {detections, hits, hitEvents}) {
            if (appender != null) {
                appender.close();
            }
        }
        detections = null;
        hits = null;
        hitEvents = null;
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return connection.createAppender(stages[current], "main", table);
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Records a source about to be read, as {@code importing}: committed at once, so a crash still shows it. */
    public void startSource(Source source, long size, String sha256) throws IOException {
        committer.run(c -> {
            try (PreparedStatement insert = c.prepareStatement(
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
            }
        });
    }

    /** Marks a source whose import resumes as importing again. */
    public void resumeSource(int sourceId) throws IOException {
        status(sourceId, SourceStatus.IMPORTING);
    }

    /** Numbers the event with the next case-unique id and stages it; returns the numbered event. */
    public Event append(Event raw) throws IOException {
        Event event = raw.withId(nextEventId++);
        Fields fields = event.fields();
        if (!layouts.seen(fields)) {
            for (int i = 0; i < fields.size(); i++) {
                // Bounded: a hostile file with a new name in every event must not fill memory.
                if (knownNames.size() < MAX_FIELD_NAMES && knownNames.add(fields.name(i))) {
                    newNames.add(fields.name(i));
                }
            }
        }
        pending();
        batches[current].add(event);
        pendingEvents++;
        long[] mark = watermarks.computeIfAbsent(event.sourceId(), id -> new long[2]);
        mark[0]++;
        mark[1] = event.location();
        return event;
    }

    private static void orNull(DuckDBAppender appender, long value) throws SQLException {
        if (value < 0) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /** Stages a detection of an event staged before, with the content hash of the rule that made it. */
    public void append(Detection detection, String ruleHash) throws IOException {
        try {
            long hitId = detection.correlation() == null ? -1 : appendHit(detection, ruleHash);
            if (detections == null) {
                detections = appender("detections");
            }
            detections.beginRow().append(detection.event().id()).append(detection.event().sourceId())
                    .append(detection.rule().id()).append(ruleHash)
                    .append((byte) detection.rule().level().ordinal())
                    .append(JsonCodec.write(JsonCodec.match(detection.match())));
            orNull(detections, hitId);
            detections.append(started).endRow();
            pending();
            pendingDetections++;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long appendHit(Detection detection, String ruleHash) throws SQLException {
        Detection.CorrelationHit hit = detection.correlation();
        long id = nextHitId++;
        if (hits == null) {
            hits = appender("correlation_hits");
            hitEvents = appender("correlation_events");
        }
        hits.beginRow().append(id).append(detection.rule().id()).append(ruleHash).append(hit.type())
                .append(JsonCodec.write(JsonCodec.correlation(hit).get("group"))).endRow();
        int position = 0;
        for (long eventId : hit.eventIds()) {
            hitEvents.beginRow().append(id).append(eventId).append(position++).endRow();
        }
        return id;
    }

    private void pending() {
        if (pendingEvents == 0 && pendingDetections == 0) {
            oldestPending = System.nanoTime();
        }
    }

    /**
     * Commits when the batch is full (in events, or in detections for a re-scan) or its oldest row has waited long
     * enough; true when it handed a batch over. Call it between events, so that an event and its detections commit
     * together.
     */
    public boolean commitIfDue() throws IOException {
        long rows = Math.max(pendingEvents, pendingDetections);
        if (rows >= policy.events() || batches[current].bytes() >= MAX_BATCH_BYTES
                || rows > 0 && System.nanoTime() - oldestPending >= policy.maxWait().toNanos()) {
            commit();
            return true;
        }
        return false;
    }

    /**
     * Hands the staged rows over to be moved into the case with the sources' watermarks, in one transaction, and
     * stages the next batch in the other staging database meanwhile. {@link #committedEvents()} counts them once
     * they are in.
     */
    public void commit() throws IOException {
        if (pendingEvents == 0 && pendingDetections == 0) {
            return;
        }
        try {
            closeAppenders();
        } catch (SQLException e) {
            throw failure(e);
        }
        committer.submit(new BatchCommitter.Batch(stages[current], batches[current], watermarks, newNames,
                pendingEvents, pendingDetections));
        current = 1 - current;
        watermarks = new LinkedHashMap<>();
        newNames = new ArrayList<>();
        pendingEvents = 0;
        pendingDetections = 0;
    }

    /** Commits what is staged, waits for it, and records the source's figures and final status. */
    public void finishSource(int sourceId, SourceStats stats, SourceStatus status) throws IOException {
        commit();
        committer.run(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE sources SET status = ?, events = ?, failed = ?, chunks_skipped = ?, recovered = ?, "
                            + "warnings = ?, diagnostics = ?, finished_at = ? WHERE id = ?")) {
                update.setString(1, status.sql());
                update.setLong(2, stats.events());
                update.setLong(3, stats.failed());
                update.setLong(4, stats.chunksSkipped());
                update.setLong(5, stats.recovered());
                update.setLong(6, stats.warnings());
                update.setString(7, SourceDiagnostics.json(stats.diagnostics()));
                update.setObject(8, LocalDateTime.now(ZoneOffset.UTC));
                update.setInt(9, sourceId);
                update.executeUpdate();
            }
        });
    }

    /** Commits what is staged and marks the source interrupted: it can be resumed or rolled back. */
    public void interruptSource(int sourceId) throws IOException {
        commit();
        status(sourceId, SourceStatus.INTERRUPTED);
    }

    private void status(int sourceId, SourceStatus status) throws IOException {
        committer.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE sources SET status = ? WHERE id = ?")) {
                update.setString(1, status.sql());
                update.setInt(2, sourceId);
                update.executeUpdate();
            }
        });
    }

    /** Events in the case from this writer so far (a batch handed over counts once it has committed). */
    public long committedEvents() {
        return committer.committedEvents();
    }

    public long committedDetections() {
        return committer.committedDetections();
    }

    /** The id the next event appended will get. */
    public long nextEventId() {
        return nextEventId;
    }

    private IOException failure(SQLException e) {
        return new IOException("case " + store.file().getFileName() + ": " + e.getMessage(), e);
    }

    /**
     * DuckDB's CHECKPOINT fails ("other write transactions active") while a query of another connection reads a
     * table, and the app's own reads (summaries, gaps) may run then. The events are committed either way: the
     * checkpoint only saves replaying the log on reopening. So it is tried again for a few seconds, then left to
     * DuckDB's next automatic one.
     */
    private void checkpoint() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            // A statement per try: DuckDB closes one whose execution failed.
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
                return;
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("Cannot CHECKPOINT")) {
                    throw e;
                }
                if (attempt == CHECKPOINT_ATTEMPTS) {
                    LOG.warning(() -> "the case was not checkpointed after the import (a read kept it busy); "
                            + "its log is replayed on reopening: " + e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits for the batch in flight, drops what is staged and not handed over, writes the case's data to its file
     * (so that reopening does not replay a log), and frees the case for the next writer.
     */
    @Override
    public void close() throws IOException {
        try {
            committer.close();
            try (Statement statement = connection.createStatement()) {
                closeAppenders();
                for (String stage : stages) {
                    statement.execute("DETACH " + stage);
                }
                checkpoint();
                statement.execute("RESET checkpoint_threshold");
                statement.execute("RESET threads");
            } catch (SQLException e) {
                throw failure(e);
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                store.writerClosed();
                throw failure(e);
            }
            store.writerClosed();
        }
    }
}
