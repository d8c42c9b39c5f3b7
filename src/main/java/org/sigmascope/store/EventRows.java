package org.sigmascope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;

/**
 * Reads events back from the {@code events} table. The time is read as nanoseconds since the epoch, so the
 * 100 ns of an EVTX timestamp survive the round trip.
 */
public final class EventRows {
    /** The columns {@link #event} reads, prefixed with the table alias {@code e}. */
    public static final String COLUMNS = "e.id, e.source_id, e.record_id, epoch_ns(e.ts), e.computer, e.channel, "
            + "e.provider, e.event_id, e.level, e.fields, e.location, e.recovered";
    /** How many columns {@link #COLUMNS} has. */
    public static final int WIDTH = 12;

    private EventRows() {
    }

    /** The event in the current row, its columns starting at {@code first} (1-based). */
    public static Event event(ResultSet r, int first) throws SQLException {
        int c = first;
        long id = r.getLong(c);
        int sourceId = r.getInt(c + 1);
        long recordId = longOr(r, c + 2, -1);
        long nanos = r.getLong(c + 3);
        Instant time = r.wasNull() ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
        String fields = r.getString(c + 9);
        return new Event(id, sourceId, recordId, time, r.getString(c + 4), r.getString(c + 5), r.getString(c + 6),
                (int) longOr(r, c + 7, -1), (int) longOr(r, c + 8, -1),
                fields == null ? null : JsonCodec.parseFields(fields), r.getLong(c + 10), r.getBoolean(c + 11));
    }

    private static long longOr(ResultSet r, int column, long fallback) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? fallback : value;
    }

    /**
     * Whether the case's {@code TIMESTAMP_NS} column can hold an instant (1677-09-21 to 2262-04-11). A damaged
     * record's time may lie far outside; such an event is stored without a time, its fields as they were.
     */
    public static boolean storable(Instant instant) {
        long seconds = instant.getEpochSecond();
        return seconds > Long.MIN_VALUE / 1_000_000_000L && seconds < Long.MAX_VALUE / 1_000_000_000L;
    }

    /** An instant as nanoseconds since the epoch, the form the store compares times in. */
    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
