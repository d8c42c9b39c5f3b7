package org.sigmascope.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBConnection;

/**
 * Commits the batches a {@link CaseWriter} staged, on a thread and a connection of its own, so that the import
 * reads and stages the next batch while DuckDB compresses and writes this one. One batch is in flight at a time;
 * handing over the next waits for it, so batches commit in order, each in one transaction with its sources'
 * watermarks.
 */
final class BatchCommitter implements AutoCloseable {
    /** The tables staged in a staging database and moved into the case (events come from an {@link EventBatch}). */
    static final List<String> STAGED = List.of("detections", "correlation_hits", "correlation_events");

    /**
     * A staged batch.
     *
     * @param stage      the staging database holding its detections
     * @param rows       its events
     * @param watermarks per source id: events added, and the location of the last
     * @param newNames   field names not yet in {@code field_names}
     */
    record Batch(String stage, EventBatch rows, Map<Integer, long[]> watermarks, List<String> newNames, long events,
                 long detections) {
    }

    /** Work on the committer's connection. */
    @FunctionalInterface
    interface Work {
        void run(DuckDBConnection connection) throws SQLException;
    }

    private final DuckDBConnection connection;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sigmascope-commit");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong committedEvents = new AtomicLong();
    private final AtomicLong committedDetections = new AtomicLong();
    private final IoFailure failure;
    private final EventScan scan;
    private Future<?> inFlight;

    /** Turns a DuckDB error into the case's error. */
    @FunctionalInterface
    interface IoFailure {
        IOException of(SQLException e);
    }

    BatchCommitter(DuckDBConnection connection, IoFailure failure) throws SQLException {
        this.connection = connection;
        this.failure = failure;
        this.scan = new EventScan(connection);
    }

    /** Makes empty staging tables shaped like the case's (anew: deleted rows would stay in an in-memory table). */
    static void createStage(Statement statement, String stage) throws SQLException {
        for (String table : STAGED) {
            statement.execute("CREATE OR REPLACE TABLE " + stage + ".main." + table + " AS FROM main." + table
                    + " LIMIT 0");
        }
    }

    /** Hands a batch over, after the one in flight has committed. */
    void submit(Batch batch) throws IOException {
        awaitIdle();
        inFlight = thread.submit(() -> {
            commitNow(batch);
            return null;
        });
    }

    /** Waits for the batch in flight; its failure is thrown here. */
    void awaitIdle() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a batch was committing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw failure.of(sql);
            }
            throw new IOException(cause.getMessage(), cause);
        } finally {
            inFlight = null;
        }
    }

    /** Runs work on this connection once no batch is in flight: status changes that must follow the batches. */
    void run(Work work) throws IOException {
        awaitIdle();
        try {
            work.run(connection);
        } catch (SQLException e) {
            throw failure.of(e);
        }
    }

    private void commitNow(Batch batch) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (batch.rows().size() > 0) {
                scan.set(batch.rows());
                try {
                    statement.execute(scan.insert());
                } finally {
                    scan.set(null);
                }
            }
            for (String table : STAGED) {
                statement.execute("INSERT INTO main." + table + " FROM " + batch.stage() + ".main." + table);
            }
            try (PreparedStatement mark = connection.prepareStatement("UPDATE sources SET committed_events = "
                    + "committed_events + ?, committed_location = ? WHERE id = ?")) {
                for (Map.Entry<Integer, long[]> entry : batch.watermarks().entrySet()) {
                    mark.setLong(1, entry.getValue()[0]);
                    mark.setLong(2, entry.getValue()[1]);
                    mark.setInt(3, entry.getKey());
                    mark.executeUpdate();
                }
            }
            try (PreparedStatement name = connection.prepareStatement("INSERT OR IGNORE INTO field_names VALUES (?)")) {
                for (String n : batch.newNames()) {
                    name.setString(1, n);
                    name.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
            batch.rows().clear();
        }
        committedEvents.addAndGet(batch.events());
        committedDetections.addAndGet(batch.detections());
        try (Statement statement = connection.createStatement()) {
            createStage(statement, batch.stage());
        }
    }

    long committedEvents() {
        return committedEvents.get();
    }

    long committedDetections() {
        return committedDetections.get();
    }

    @Override
    public void close() throws IOException {
        try {
            awaitIdle();
        } finally {
            thread.shutdown();
            try {
                connection.close();
            } catch (SQLException e) {
                throw failure.of(e);
            }
        }
    }
}
