package org.sigmascope.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Event;

/**
 * Event Viewer's "Save As CSV", written by hand in its layout under {@code src/test/resources/formats/eventviewer/}:
 * English (US dates, AM/PM, UTF-8 with a mark) and German (day-first dates, UTF-16 with a mark, the Security log's
 * Keywords column); the message in a sixth, unnamed, multi-line cell.
 */
class EventViewerCsvTest {
    private static final Path ENGLISH = Path.of("src/test/resources/formats/eventviewer/eventviewer-sysmon-en-us.csv");
    private static final Path GERMAN = Path.of("src/test/resources/formats/eventviewer/eventviewer-security-de.csv");

    @Test
    void localTimesAreReadInTheZoneGivenAndSysmonFieldsComeFromTheMessage() throws IOException {
        EvidenceFiles.Read read = EvidenceFiles.read(ENGLISH,
                ReadOptions.defaults().withLocalZone(ZoneId.of("America/New_York")));
        assertEquals(3, read.events().size());
        assertEquals(0, read.stats().failed());
        Event created = read.events().get(0);
        assertEquals(Instant.parse("2025-10-25T16:56:16Z"), created.timestamp(), "12:56:16 PM in New York, EDT");
        assertEquals("Microsoft-Windows-Sysmon/Operational", created.channel(), "inferred from the provider");
        assertEquals("certutil  -decode file.base64 file-decoded.ext", created.fields().get("CommandLine"));
        assertEquals("C:\\Users\\Administrator\\Downloads\\", created.fields().get("CurrentDirectory"));
        assertEquals(2, read.events().get(2).level(), "Error");
        assertTrue(read.stats().diagnostics().stream().noneMatch(d -> d.message().contains("differs from Sysmon")),
                "the right zone agrees with Sysmon's UtcTime: " + read.stats().diagnostics());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.message().contains("message-only export")));
    }

    @Test
    void theWrongZoneIsCaughtBySysmonsUtcTime() throws IOException {
        EvidenceFiles.Read read = EvidenceFiles.read(ENGLISH, ReadOptions.defaults());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.message().contains("probably local to UTC-04:00")),
                read.stats().diagnostics().toString());
    }

    @Test
    void germanUtf16SecurityExportIsRead() throws IOException {
        EvidenceFiles.Read read = EvidenceFiles.read(GERMAN,
                ReadOptions.defaults().withLocalZone(ZoneId.of("Europe/Berlin")));
        assertEquals(2, read.events().size());
        Event logon = read.events().get(0);
        assertEquals(Instant.parse("2026-07-17T14:18:34Z"), logon.timestamp(), "17.07.2026 16:18:34 CEST");
        assertEquals(4648, logon.eventId());
        assertEquals("Security", logon.channel());
        assertEquals("Überwachung erfolgreich", logon.fields().get("Keywords"));
        assertTrue(((String) logon.fields().get("Message")).contains("LegacyHive.exe"));
        assertFalse(logon.fields().contains("TargetUserName"), "a message-only export has no EventData names");
    }
}
