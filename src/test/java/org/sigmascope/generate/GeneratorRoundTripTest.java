package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;

/**
 * Generate → read back → the same events and fields, per format. CSV joins with the CSV reader; until then
 * {@link CsvLayoutTest} checks the CSV's Payload against the same expectations. {@link EvtxLibevtxTest} also reads
 * the EVTX back with libevtx.
 */
class GeneratorRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void jsonlReadsBackAsWritten() throws IOException {
        RoundTrip.check(dir, OutputFormat.JSONL, new JsonEvidenceReader());
    }

    @Test
    void evtxReadsBackAsWritten() throws IOException {
        RoundTrip.check(dir, OutputFormat.EVTX, new EvtxEvidenceReader());
    }
}
