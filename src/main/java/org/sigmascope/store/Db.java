package org.sigmascope.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.duckdb.DuckDBConnection;

/**
 * The case's reading connection, shared by the timeline, annotations and the app. Every statement is prepared and
 * its values bound as parameters: no text from a query, an event or the analyst is ever pasted into SQL. A DuckDB
 * connection runs one statement at a time, so every call holds this object's lock; an import writes through its
 * own connection ({@link CaseWriter}) and readers here see each batch when it commits.
 */
public final class Db {
    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Db db) throws IOException;
    }

    private final Path file;
    private final DuckDBConnection connection;
    private final boolean readOnly;
    /** The statement {@link #list} runs now, for {@link #cancel}. */
    private volatile PreparedStatement running;

    Db(Path file, DuckDBConnection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    DuckDBConnection connection() {
        return connection;
    }

    public synchronized <T> List<T> list(String sql, List<?> params, Row<T> row) throws IOException {
        try (PreparedStatement statement = prepare(sql, params)) {
            running = statement;
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            } finally {
                running = null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Stops the query running now on this connection, if any (from any thread: it does not wait for the lock the
     * query holds); it fails with an error, and the connection stays usable. For results nobody wants any more: a
     * count of a filter the analyst has already replaced.
     */
    public void cancel() {
        PreparedStatement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // It ended (or was closed) meanwhile: nothing left to stop.
            }
        }
    }

    public <T> Optional<T> first(String sql, List<?> params, Row<T> row) throws IOException {
        List<T> rows = list(sql, params, row);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** A single number: {@code count(*)}, {@code max(id)}; 0 when the query gives NULL. */
    public long number(String sql, Object... params) throws IOException {
        return first(sql, Arrays.asList(params), r -> r.getLong(1)).orElse(0L);
    }

    public synchronized int update(String sql, Object... params) throws IOException {
        try (PreparedStatement statement = prepare(sql, Arrays.asList(params))) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs statements without parameters (schema changes, settings). */
    synchronized void execute(String... sql) throws IOException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none. */
    public synchronized <T> T inTransaction(Work<T> work) throws IOException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(this);
                connection.commit();
                return result;
            } catch (IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    IOException failure(SQLException e) {
        return new IOException("case " + file.getFileName() + ": " + e.getMessage(), e);
    }

    synchronized void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
