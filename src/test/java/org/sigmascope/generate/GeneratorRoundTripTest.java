package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.csv.CsvEvidenceReader;
import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;

/**
 * Generate → read back with our own reader → the same events and fields, per format. {@link CsvLayoutTest} also
 * checks the CSV's columns and Payload cell by cell; {@link EvtxLibevtxTest} also reads the EVTX back with libevtx.
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

    @Test
    void evtxecmdCsvReadsBackAsWritten() throws IOException {
        // EvtxECmd's layout has no column for these System values, so its CSV cannot give them back; and it
        // writes Security's keywords by name ("Audit success"), not as the mask.
        RoundTrip.check(dir, OutputFormat.CSV, new CsvEvidenceReader(), Set.of("Provider_Guid",
                "Provider_EventSourceName", "EventID_Qualifiers", "Version", "Task", "Opcode", "Correlation_ActivityID",
                "Keywords"));
    }
}
