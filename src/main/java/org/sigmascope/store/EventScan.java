package org.sigmascope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;

/**
 * A DuckDB table function that reads the {@link EventBatch} being committed, so that a batch goes into the case
 * with one {@code INSERT … SELECT} straight from the Java arrays: DuckDB pulls 2,048 rows at a time, each text
 * column in one call, and compresses and writes full row groups on its own threads.
 *
 * <p>Measured against the appender (docs/benchmarks.md, "Case store"): appending into an in-memory staging table and
 * moving it with {@code INSERT … SELECT} costs about twice the CPU, since the appender makes a transaction of every
 * 2,048 rows and a native call of every string; appending straight into the file costs more still.
 */
final class EventScan {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The function's columns, in the order {@link EventBatch#write} fills them. */
    private static final String[] NUMBERS = {"id", "source_id", "record_id", "ts", "event_id", "level", "location",
            "recovered"};
    private static final DuckDBColumnType[] NUMBER_TYPES = {DuckDBColumnType.BIGINT, DuckDBColumnType.INTEGER,
            DuckDBColumnType.BIGINT, DuckDBColumnType.BIGINT, DuckDBColumnType.INTEGER, DuckDBColumnType.TINYINT,
            DuckDBColumnType.BIGINT, DuckDBColumnType.BOOLEAN};

    private final String name = "sigmascope_batch_" + NAMES.incrementAndGet();
    /** The batch being committed: set before the insert, read by DuckDB's threads during it. */
    private volatile EventBatch current;

    /** Registers the function with the database of this connection (it lives as long as the database is open). */
    EventScan(Connection connection) throws SQLException {
        DuckDBFunctions.tableFunction().withName(name).withFunction(new Scan()).register(connection);
    }

    /** The insert that moves the current batch into {@code events}, in the table's column order. */
    String insert() {
        StringBuilder sql = new StringBuilder("INSERT INTO main.events SELECT id, source_id, record_id, "
                + "make_timestamp_ns(ts), computer, channel, provider, event_id, level");
        for (PromotedFields.Promoted p : PromotedFields.ALL) {
            sql.append(", ").append(p.column());
        }
        return sql.append(", fields, location, recovered FROM ").append(name).append("()").toString();
    }

    /** Makes a batch the one the function reads ({@code null} once it is in). */
    void set(EventBatch batch) {
        current = batch;
    }

    private final class Scan implements DuckDBTableFunction<EventBatch, int[], Object> {
        @Override
        public EventBatch bind(DuckDBTableFunctionBindInfo info) {
            for (int i = 0; i < NUMBERS.length; i++) {
                info.addResultColumn(NUMBERS[i], NUMBER_TYPES[i]);
            }
            info.addResultColumn("computer", DuckDBColumnType.VARCHAR);
            info.addResultColumn("channel", DuckDBColumnType.VARCHAR);
            info.addResultColumn("provider", DuckDBColumnType.VARCHAR);
            for (PromotedFields.Promoted p : PromotedFields.ALL) {
                info.addResultColumn(p.column(), DuckDBColumnType.VARCHAR);
            }
            info.addResultColumn("fields", DuckDBColumnType.VARCHAR);
            EventBatch batch = current;
            info.setCardinality(batch == null ? 0 : batch.size(), true);
            return batch;
        }

        @Override
        public int[] init(DuckDBTableFunctionInitInfo info) {
            // One thread reads the batch, in order: ids stay ascending in the table.
            info.setMaxThreads(1);
            return new int[1];
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo call, DuckDBDataChunkWriter chunk) {
            EventBatch batch = call.getBindData();
            if (batch == null) {
                return 0;
            }
            int[] next = call.getInitData();
            int written = batch.write(next[0], chunk);
            next[0] += written;
            return written;
        }
    }
}
