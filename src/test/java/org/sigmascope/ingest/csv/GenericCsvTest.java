package org.sigmascope.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Event;

/** CSV of no known export: columns by name, the time column and format detected or given, a mapping file. */
class GenericCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void builtInNamesAndAnIsoTimeColumnAreFound() throws IOException {
        Path file = write("export.csv", "Host;Log Name;Event ID;When;CommandLine\n"
                + "WS01;security;4688;2024-03-11 08:00:01.120;cmd.exe /c whoami\n");
        EvidenceFiles.Read read = EvidenceFiles.read(file, ReadOptions.defaults().withLocalZone(ZoneOffset.ofHours(1)));
        Event event = read.events().get(0);
        assertEquals("WS01", event.computer());
        assertEquals("Security", event.channel());
        assertEquals(4688, event.eventId());
        assertEquals(Instant.parse("2024-03-11T07:00:01.120Z"), event.timestamp(), "zone-less, read at +01:00");
        assertEquals("cmd.exe /c whoami", event.fields().get("CommandLine"));
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.message().contains("no time zone")));
    }

    @Test
    void epochMillisecondsAreRecognised() throws IOException {
        Path file = write("epoch.csv", "timestamp,EventID\n1710144001120,1\n1710144002000,1\n");
        assertEquals(Instant.parse("2024-03-11T08:00:01.120Z"), EvidenceFiles.read(file).events().get(0).timestamp());
    }

    @Test
    void anAmbiguousDateIsWarnedAboutAndTheFormatGivenSettlesIt() throws IOException {
        Path file = write("dates.csv", "Date,EventID\n03/04/2024 10:00:00,1\n05/06/2024 11:00:00,1\n");
        EvidenceFiles.Read guessed = EvidenceFiles.read(file);
        assertTrue(guessed.stats().diagnostics().stream().anyMatch(d -> d.message().contains("could be read as")),
                guessed.stats().diagnostics().toString());
        EvidenceFiles.Read given = EvidenceFiles.read(file, ReadOptions.defaults()
                .withCsv(new CsvOptions(null, null, "M/d/yyyy H:mm:ss")));
        assertEquals(Instant.parse("2024-03-04T10:00:00Z"), given.events().get(0).timestamp());
        assertTrue(given.stats().diagnostics().stream().noneMatch(d -> d.message().contains("could be read as")));
    }

    @Test
    void aMappingFileNamesColumnsAndTheTimeColumn() throws IOException {
        Path mapping = write("mapping.yml", "time:\n  column: Seen\n  format: epoch-s\ncolumns:\n"
                + "  Cmd: CommandLine\n  Box: Computer\n  Code: EventID\n");
        Path file = write("odd.csv", "Created,Seen,Box,Code,Cmd\n2020-01-01 00:00:00,1710144001,WS02,1,calc.exe\n");
        EvidenceFiles.Read read = EvidenceFiles.read(file, ReadOptions.defaults()
                .withCsv(new CsvOptions(mapping, null, null)));
        Event event = read.events().get(0);
        assertEquals(Instant.parse("2024-03-11T08:00:01Z"), event.timestamp());
        assertEquals("WS02", event.computer());
        assertEquals(1, event.eventId());
        assertEquals("calc.exe", event.fields().get("CommandLine"));
    }

    @Test
    void aTimeColumnThatDoesNotExistIsAnError() throws IOException {
        Path file = write("x.csv", "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> EvidenceFiles.read(file, ReadOptions.defaults()
                .withCsv(new CsvOptions(null, "Missing", null))));
        assertTrue(e.getMessage().contains("'Missing'"), e.getMessage());
    }
}
