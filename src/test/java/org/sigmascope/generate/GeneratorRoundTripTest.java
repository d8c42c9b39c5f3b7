package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.json.JsonEvidenceReader;

/**
 * Generate → read back → the same events and fields, per format we can read today. EVTX joins when our EVTX
 * reader is merged ({@code RoundTrip.check(dir, OutputFormat.EVTX, new EvtxEvidenceReader())}), CSV with the CSV
 * reader; until then {@link EvtxLibevtxTest} reads the EVTX back with libevtx and {@link CsvLayoutTest} checks
 * the CSV's Payload against the same expectations.
 */
class GeneratorRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void jsonlReadsBackAsWritten() throws IOException {
        RoundTrip.check(dir, OutputFormat.JSONL, new JsonEvidenceReader());
    }
}
