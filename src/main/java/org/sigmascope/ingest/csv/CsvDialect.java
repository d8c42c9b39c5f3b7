package org.sigmascope.ingest.csv;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.model.Event;

/**
 * One kind of CSV export, recognised by its header, whose rows it maps to Sigma's field names.
 */
interface CsvDialect {
    /** The dialect's name, as shown to analysts ("EvtxECmd CSV"). */
    String name();

    boolean matches(CsvHeader header);

    /**
     * Prepares the mapping of rows for this file.
     *
     * @param sample the first rows of the file (to detect time formats)
     */
    RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context)
            throws IOException;

    /** Whether rows may hold more cells than the header names (Event Viewer's unnamed message column). */
    default boolean extraCellsExpected() {
        return false;
    }

    /** Maps one row to its events (none when the row is unusable; the mapper then says why). */
    @FunctionalInterface
    interface RowMapper {
        void map(String[] row, RecordContext context, Consumer<Event> events);
    }
}
