package org.sigmascope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.model.Timestamps;

/** The evtx-crate JSON shape: one object, objects back to back, JSONL; flattening to Sigma's names. */
class JsonEvidenceReaderTest {
    @TempDir
    Path dir;

    private static List<Event> read(Path file, SourceStats[] stats) throws IOException {
        List<Event> events = new ArrayList<>();
        SourceStats s = new JsonEvidenceReader().read(ReadRequest.of(new Source(1, file, file.toString(), "json"),
                ReadOptions.defaults()), events::add);
        if (stats != null) {
            stats[0] = s;
        }
        return events;
    }

    @Test
    void prettyObjectsBackToBackAreAllRead() throws IOException {
        // Sysmon 11, seven pretty-printed objects concatenated without an array (json.load() fails on this file).
        Path file = Corpus.path("formats/evtx-dump-json/SigmaHQ+sigma/regression_data/rules/windows/file/file_event/"
                + "file_event_win_hktl_netexec_file_indicators/efc21479-9e83-41da-8cf1-122e06ba8db3.json");
        SourceStats[] stats = new SourceStats[1];
        List<Event> events = read(file, stats);
        assertEquals(7, events.size());
        assertEquals(0, stats[0].failed());
        Event first = events.get(0);
        assertEquals(11, first.eventId());
        assertEquals("Microsoft-Windows-Sysmon/Operational", first.channel());
        assertEquals("Microsoft-Windows-Sysmon", first.fields().get("Provider_Name"));
        assertTrue(first.fields().contains("TargetFilename"));
    }

    @Test
    void systemAttributesAndUserDataAreFlattened() throws IOException {
        Path file = Corpus.path("formats/evtx-dump-json/SigmaHQ+sigma/regression_data/rules/windows/builtin/wmi/"
                + "win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json");
        Event event = read(file, null).get(0);
        assertEquals(5858, event.eventId());
        assertTrue(event.fields().contains("TimeCreated_SystemTime"));
        assertTrue(event.fields().contains("Execution_ProcessID"));
        assertTrue(event.fields().contains("Operation"), "UserData children become fields: " + event.fields().names());
        assertEquals(Timestamps.parseOrNull(event.fields().text("TimeCreated_SystemTime")), event.timestamp());
    }

    @Test
    void nullStaysPresentButNull() throws IOException {
        Path file = Corpus.path("formats/evtx-dump-json/SigmaHQ+sigma/regression_data/rules/windows/builtin/security/"
                + "win_security_explicit_credential_local_logon/e3c6d245-7b8f-4e2a-c17f-a9d0e5b38f62.json");
        Event event = read(file, null).get(0);
        assertTrue(event.fields().contains("Security"), "an empty element is present: " + event.fields().names());
        assertNull(event.fields().get("Security"));
        assertEquals("C96B491C-1545-0001-6049-6BC94515DD01", event.fields().get("Correlation_ActivityID"));
    }

    @Test
    void aMalformedObjectIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        String good = Files.readAllLines(Path.of("samples/wmi-persistence/process-starts.jsonl")).get(0);
        Files.writeString(file, good + "\n" + good + "\n{\"Event\": {\"System\": \n");
        SourceStats[] stats = new SourceStats[1];
        assertEquals(2, read(file, stats).size());
        assertEquals(1, stats[0].failed());
        assertTrue(stats[0].diagnostics().get(0).toString().contains("broken.jsonl:"), stats[0].diagnostics().toString());
    }
}
