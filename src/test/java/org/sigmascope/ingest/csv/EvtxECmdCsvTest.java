package org.sigmascope.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.model.Event;

/**
 * EvtxECmd's CSV, in its documented 27-column layout (UTF-8 with a byte order mark, CRLF), written by hand under
 * {@code src/test/resources/formats/evtxecmd/}: EventData from the Payload column (named Data, UserData, unnamed
 * Data with Binary), Level words, UTC times; a row without Payload keeps EvtxECmd's PayloadData strings.
 */
class EvtxECmdCsvTest {
    private static final Path FILE = Path.of("src/test/resources/formats/evtxecmd/evtxecmd-output.csv");

    private static List<Event> events() throws IOException {
        EvidenceFiles.Read read = EvidenceFiles.read(FILE);
        assertEquals("csv", read.format());
        assertEquals(0, read.stats().failed(), read.stats().diagnostics().toString());
        return read.events();
    }

    @Test
    void systemColumnsBecomeTheEvtxSystemFields() throws IOException {
        Event sysmon = events().get(0);
        assertEquals(Instant.parse("2025-10-25T16:56:16.019794Z"), sysmon.timestamp(), "TimeCreated is UTC");
        assertEquals(1, sysmon.eventId());
        assertEquals(11418519L, sysmon.recordId());
        assertEquals("Microsoft-Windows-Sysmon/Operational", sysmon.channel());
        assertEquals("ar-win-dc.attackrange.local", sysmon.computer());
        assertEquals("Microsoft-Windows-Sysmon", sysmon.provider());
        assertEquals(4, sysmon.level());
        assertEquals(3308L, sysmon.fields().get("Execution_ProcessID"));
        assertEquals("S-1-5-18", sysmon.fields().get("Security_UserID"));
        assertEquals("certutil  -decode file.base64 file-decoded.ext", sysmon.fields().get("CommandLine"));
        assertEquals("Process creation", sysmon.fields().get("MapDescription"), "EvtxECmd's own columns are kept");
    }

    @Test
    void levelWordsIncludingLogAlwaysBecomeNumbers() throws IOException {
        assertEquals(0, events().get(1).level());
        assertEquals(5, events().get(4).level());
    }

    @Test
    void payloadUserDataAndUnnamedDataAreFlattenedLikeEvtx() throws IOException {
        Event cleared = events().get(2);
        assertEquals("admin01", cleared.fields().get("SubjectUserName"));
        assertFalse(cleared.fields().contains("LogFileCleared_xmlns"), "namespace declarations are dropped");
        Event classic = events().get(3);
        assertEquals(List.of("Available", "None"), ((List<?>) classic.fields().get("Data")).subList(0, 2));
        assertTrue(classic.fields().contains("Binary"));
        assertNull(classic.fields().get("Binary"));
    }

    @Test
    void withoutPayloadThePayloadDataStringsRemainAndTheLossIsSaid() throws IOException {
        EvidenceFiles.Read read = EvidenceFiles.read(FILE);
        Event scriptBlock = read.events().get(4);
        assertEquals("ScriptBlockText: Get-Service |\r\n  select *", scriptBlock.fields().get("PayloadData1"),
                "a quoted multi-line cell keeps its line break");
        assertFalse(scriptBlock.fields().contains("ScriptBlockText"));
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.line() == 6
                && d.message().startsWith("EvtxECmd rows without a Payload")), read.stats().diagnostics().toString());
    }
}
