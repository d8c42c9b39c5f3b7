package org.sigmascope.ingest.csv;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;

/**
 * Which columns of a header are which System field, for a dialect; the other columns are kept under their header
 * names. Empty cells of System fields are left out; other empty cells are kept as empty text.
 */
final class Columns {
    private final CsvHeader header;
    private final Map<String, Integer> system = new LinkedHashMap<>();
    private final boolean[] taken;

    Columns(CsvHeader header) {
        this.header = header;
        this.taken = new boolean[header.size()];
    }

    /** Maps the first column named by any alias to a field. */
    Columns map(String field, String... aliases) {
        int index = header.index(aliases);
        if (index >= 0 && !taken[index]) {
            system.put(field, index);
            taken[index] = true;
        }
        return this;
    }

    /** Marks a column as handled by the dialect itself (not kept under its header name). */
    int take(String... aliases) {
        int index = header.index(aliases);
        if (index >= 0) {
            taken[index] = true;
        }
        return index;
    }

    /** Puts the mapped System fields of a row, normalized as the EVTX flattening types them. */
    void putSystem(String[] row, Fields.Builder fields) {
        for (Map.Entry<String, Integer> entry : system.entrySet()) {
            String value = CsvHeader.cell(row, entry.getValue());
            if (value == null || value.isEmpty()) {
                continue;
            }
            String field = entry.getKey();
            Object normalized = SystemFields.normalize(field, value);
            fields.put(field, field.equals(SystemFields.CHANNEL) ? Channels.canonical(value) : normalized);
        }
    }

    /** Puts the columns nobody took, under their header names. */
    void putRest(String[] row, Fields.Builder fields) {
        int cells = Math.min(row.length, taken.length);
        for (int i = 0; i < cells; i++) {
            if (!taken[i] && !fields.contains(header.name(i))) {
                fields.put(header.name(i), row[i]);
            }
        }
    }
}
