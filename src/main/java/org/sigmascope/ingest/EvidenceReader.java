package org.sigmascope.ingest;

import java.io.IOException;

import org.sigmascope.model.SourceStats;

/**
 * Turns one piece of evidence into events, streaming: never the whole file in memory.
 *
 * <p>Damage inside the evidence (a bad record, a malformed line) is reported in the returned
 * {@link SourceStats} with its location, and reading carries on. An {@link IOException} means the file could
 * not be read at all.
 */
public interface EvidenceReader {

    /** The format this reader reads, as recorded for the source ({@code evtx}, {@code json}, {@code csv}). */
    String format();

    /** Reads every event of the source, in the source's order, into the sink. */
    SourceStats read(ReadRequest request, EventSink sink) throws IOException;
}
