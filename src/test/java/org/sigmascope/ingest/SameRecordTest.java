package org.sigmascope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sigmascope.Corpus;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * One record (a SigmaHQ regression sample: Sysmon 1, certutil -decode) as each tool exports it gives the fields
 * and values the evtx crate's JSON gives: every EventData field, and the System fields the export carries. The
 * exports are written in each tool's documented layout under {@code src/test/resources/formats/}: EvtxECmd CSV,
 * Winlogbeat 8 with its sysmon module (which moves fields to ECS), NXLog (zone-less local time of a UTC-04:00
 * machine), the record's XML in a Timesketch CSV, Velociraptor's parse_evtx. Values are compared as text; GUIDs
 * without regard to braces and case, which exporters render differently. The fields a tool drops for good are
 * listed with it (Winlogbeat's sysmon module deletes RuleName when it is "-").
 */
class SameRecordTest {
    private static final String REFERENCE = "formats/evtx-dump-json/SigmaHQ+sigma/regression_data/rules/windows/"
            + "process_creation/proc_creation_win_certutil_decode/cc9cbe82-7bc0-4ef5-bc23-bbfb83947be7.json";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evtxecmd/evtxecmd-output.csv|0|EventID Channel Computer Provider_Name EventRecordID Execution_ProcessID "
                + "Execution_ThreadID Security_UserID Level|",
        "same-record/certutil.winlogbeat8-sysmon-module.ndjson|1000|EventID Channel Computer Provider_Name "
                + "Provider_Guid EventRecordID Execution_ProcessID Execution_ThreadID Security_UserID Version|RuleName",
        "same-record/certutil.nxlog.jsonl|1000|EventID Channel Computer Provider_Name Provider_Guid EventRecordID "
                + "Execution_ProcessID Execution_ThreadID Security_UserID Version Task Opcode Keywords|",
        "same-record/certutil.timesketch.csv|0|EventID Channel Computer Provider_Name Provider_Guid EventRecordID "
                + "Execution_ProcessID Execution_ThreadID Security_UserID Version Level Task Opcode Keywords "
                + "Correlation|",
        "same-record/certutil.velociraptor.json|0|EventID Channel Computer Provider_Name Provider_Guid EventRecordID "
                + "Execution_ProcessID Execution_ThreadID Security_UserID Version Level Task Opcode Keywords "
                + "Correlation|",
    })
    void anExportGivesTheFieldsOfTheEvtxRecord(String fixture, long toleranceMillis, String systemFields, String lost)
            throws IOException {
        Event reference = EvidenceFiles.read(Corpus.path(REFERENCE)).events().get(0);
        Path file = Path.of("src/test/resources/formats", fixture);
        List<Event> events = EvidenceFiles.read(file, ReadOptions.defaults().withLocalZone(ZoneOffset.ofHours(-4)))
                .events();
        Event exported = events.stream().filter(e -> e.recordId() == reference.recordId()).findFirst()
                .orElseThrow(() -> new AssertionError(fixture + " has no record " + reference.recordId()));

        List<String> differences = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(systemFields.split(" ")));
        reference.fields().names().stream()
                .filter(name -> !name.contains("_") && !isSystem(name))
                .filter(name -> lost == null || !List.of(lost.split(" ")).contains(name))
                .forEach(names::add);
        for (String name : names) {
            String expected = ExportedText.canonical(reference.fields().get(name));
            String actual = ExportedText.canonical(exported.fields().get(name));
            if (!exported.fields().contains(name) || !expected.equals(actual)) {
                differences.add(name + ": evtx crate '" + expected + "', " + fixture + " '"
                        + (exported.fields().contains(name) ? actual : "(absent)") + "'");
            }
        }
        assertEquals(List.of(), differences);
        long apart = Math.abs(Duration.between(reference.timestamp(), exported.timestamp()).toMillis());
        assertTrue(apart <= toleranceMillis, fixture + ": time " + exported.timestamp() + " is " + apart
                + " ms from the record's " + reference.timestamp());
        assertEquals(reference.eventId(), exported.eventId());
        assertEquals(reference.channel(), exported.channel());
        assertEquals(reference.computer(), exported.computer());
    }

    private static boolean isSystem(String name) {
        return List.of("EventID", "Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Channel",
                "Computer", "Correlation", "Security").contains(name);
    }
}
