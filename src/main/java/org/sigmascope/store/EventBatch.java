package org.sigmascope.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBWritableVector;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * The events of one batch, column by column, as {@link EventScan} hands them to DuckDB: numbers in arrays, text
 * already in UTF-8 (the fields' JSON written once, straight to bytes). Filled by the importing thread, then read by
 * DuckDB while the batch commits; never both at once.
 */
final class EventBatch {
    /** Columns of {@code events}, in table order, as the scan produces them. */
    static final int TEXT_COLUMNS = 3 + PromotedFields.ALL.size();

    private final JsonText json = new JsonText();
    private final TextSlabs slabs = new TextSlabs();
    private int size;
    private long[] ids = new long[1024];
    private int[] sources = new int[1024];
    private long[] records = new long[1024];
    private long[] times = new long[1024];
    private boolean[] timeless = new boolean[1024];
    private int[] eventIds = new int[1024];
    private byte[] levels = new byte[1024];
    /** Per text column (computer, channel, provider, the promoted fields, then the JSON): where in the slabs. */
    private long[][] addresses = new long[TEXT_COLUMNS + 1][1024];
    /** Per text column: the length in bytes, or -1 for NULL. */
    private int[][] lengths = new int[TEXT_COLUMNS + 1][1024];
    private long[] locations = new long[1024];
    private boolean[] recovered = new boolean[1024];

    int size() {
        return size;
    }

    /** Bytes of text held: what bounds a batch's memory. */
    long bytes() {
        return slabs.bytes();
    }

    /** Adds a numbered event. */
    void add(Event event) {
        if (size == ids.length) {
            grow();
        }
        int i = size++;
        ids[i] = event.id();
        sources[i] = event.sourceId();
        records[i] = event.recordId();
        timeless[i] = event.timestamp() == null || !EventRows.storable(event.timestamp());
        times[i] = timeless[i] ? 0 : EventRows.nanos(event.timestamp());
        eventIds[i] = event.eventId();
        levels[i] = event.level() < 0 ? -1 : (byte) Math.min(event.level(), Byte.MAX_VALUE);
        text(0, i, event.computer());
        text(1, i, event.channel());
        text(2, i, event.provider());
        Fields f = event.fields();
        for (int p = 0; p < PromotedFields.ALL.size(); p++) {
            text(3 + p, i, f.text(PromotedFields.ALL.get(p).field()));
        }
        int length = json.write(f);
        addresses[TEXT_COLUMNS][i] = slabs.put(json.buffer(), length);
        lengths[TEXT_COLUMNS][i] = length;
        locations[i] = event.location();
        recovered[i] = event.recovered();
    }

    private void text(int column, int row, String value) {
        if (value == null) {
            lengths[column][row] = -1;
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        addresses[column][row] = slabs.put(utf8, utf8.length);
        lengths[column][row] = utf8.length;
    }

    private void grow() {
        int n = size * 2;
        ids = Arrays.copyOf(ids, n);
        sources = Arrays.copyOf(sources, n);
        records = Arrays.copyOf(records, n);
        times = Arrays.copyOf(times, n);
        timeless = Arrays.copyOf(timeless, n);
        eventIds = Arrays.copyOf(eventIds, n);
        levels = Arrays.copyOf(levels, n);
        for (int c = 0; c <= TEXT_COLUMNS; c++) {
            addresses[c] = Arrays.copyOf(addresses[c], n);
            lengths[c] = Arrays.copyOf(lengths[c], n);
        }
        locations = Arrays.copyOf(locations, n);
        recovered = Arrays.copyOf(recovered, n);
    }

    /** Empties the batch for reuse. */
    void clear() {
        slabs.clear();
        size = 0;
    }

    /**
     * Writes rows {@code from …} into a DuckDB chunk, as many as fit; returns how many. The columns are those of
     * {@link EventScan#COLUMNS}.
     */
    int write(int from, DuckDBDataChunkWriter chunk) {
        int count = (int) Math.min(chunk.capacity(), size - from);
        if (count <= 0) {
            return 0;
        }
        DuckDBWritableVector id = chunk.vector(0);
        DuckDBWritableVector source = chunk.vector(1);
        DuckDBWritableVector record = chunk.vector(2);
        DuckDBWritableVector time = chunk.vector(3);
        DuckDBWritableVector eventId = chunk.vector(4);
        DuckDBWritableVector level = chunk.vector(5);
        DuckDBWritableVector location = chunk.vector(6);
        DuckDBWritableVector recover = chunk.vector(7);
        for (int r = 0; r < count; r++) {
            int i = from + r;
            id.setLong(r, ids[i]);
            source.setInt(r, sources[i]);
            if (records[i] < 0) {
                record.setNull(r);
            } else {
                record.setLong(r, records[i]);
            }
            if (timeless[i]) {
                time.setNull(r);
            } else {
                time.setLong(r, times[i]);
            }
            if (eventIds[i] < 0) {
                eventId.setNull(r);
            } else {
                eventId.setInt(r, eventIds[i]);
            }
            if (levels[i] < 0) {
                level.setNull(r);
            } else {
                level.setByte(r, levels[i]);
            }
            location.setLong(r, locations[i]);
            recover.setBoolean(r, recovered[i]);
        }
        byte[][] values = new byte[count][];
        for (int c = 0; c <= TEXT_COLUMNS; c++) {
            long[] at = addresses[c];
            int[] length = lengths[c];
            for (int r = 0; r < count; r++) {
                int i = from + r;
                values[r] = length[i] < 0 ? null : slabs.copy(at[i], length[i]);
            }
            chunk.vector(8 + c).setStringUtf8Batch(0, values);
        }
        return count;
    }
}
