package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.store.TestCases;

/** {@code sigmascope import CASE INPUT...}: evidence into a real case file, then searched with {@code query}. */
class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsEventsAndDetectionsAndLeavesOutWhatTheCaseAlreadyHolds() {
        Path caseFile = dir.resolve("case.duckdb");
        CliRun first = CliRun.of("import", caseFile.toString(), TestCases.SAMPLES.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("1 source(s), 15 events, 0 unreadable records, 2 detections imported"),
                first.err());
        assertEquals("15", CliRun.of("query", caseFile.toString(), "*", "--count").out().strip());
        assertEquals("2", CliRun.of("query", caseFile.toString(), "level:>=medium", "--count").out().strip());

        // The same bytes again, under another name: left out, said so, nothing doubled.
        Path copy = dir.resolve("copy-of-process-starts.jsonl");
        copyFirstEvidence(copy);
        CliRun again = CliRun.of("import", caseFile.toString(), TestCases.SAMPLES.toString(), copy.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(2, again.err().lines().filter(l -> l.contains("left out, the case already holds the same bytes"))
                .count(), again.err());
        assertTrue(again.err().contains("0 source(s), 0 events"), again.err());
        assertEquals("15", CliRun.of("query", caseFile.toString(), "*", "--count").out().strip());
    }

    @Test
    void evidenceItCannotReadIsNamedAndTheRestIsImported() throws IOException {
        Path caseFile = dir.resolve("case.duckdb");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not an event log\n");
        CliRun run = CliRun.of("import", caseFile.toString(), notes.toString(), TestCases.SAMPLES.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("notes.txt: not a format Sigmascope reads"), run.err());
        assertEquals("15", CliRun.of("query", caseFile.toString(), "*", "--count").out().strip());
    }

    @Test
    void aFileThatIsNotACaseIsRefusedAndLeftAsItWas() throws IOException {
        Path notACase = dir.resolve("evidence.duckdb");
        byte[] bytes = "an analyst's file, not a case".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(notACase, bytes);
        CliRun run = CliRun.of("import", notACase.toString(), TestCases.SAMPLES.toString());
        assertTrue(run.exitCode() != 0, run.err());
        assertTrue(run.err().contains("evidence.duckdb"), run.err());
        assertArrayEquals(bytes, Files.readAllBytes(notACase));
    }

    private static void copyFirstEvidence(Path copy) {
        try (var files = Files.list(TestCases.SAMPLES)) {
            Path jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            Files.copy(jsonl, copy);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEventWhoseTimeNoCaseCanHoldIsKeptWithoutOne() throws IOException {
        // A damaged record can carry a time centuries away, beyond what the case's nanosecond column holds.
        Path evidence = Files.writeString(dir.resolve("far.jsonl"), record(1, "2024-03-11T07:00:00.000000Z")
                + "\n" + record(2, "9999-12-31T23:59:59.000000Z") + "\n");
        Path caseFile = dir.resolve("case.duckdb");
        CliRun run = CliRun.of("import", caseFile.toString(), evidence.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2", CliRun.of("query", caseFile.toString(), "*", "--count").out().strip());
        assertTrue(CliRun.of("query", caseFile.toString(), "EventRecordID:2", "-f", "jsonl").out()
                .contains("\"timestamp\":\"\""), "stored without a time");
    }

    private static String record(long id, String time) {
        return "{\"Event\": {\"System\": {\"EventID\": 1, \"EventRecordID\": " + id + ", \"Channel\": "
                + "\"Microsoft-Windows-Sysmon/Operational\", \"Computer\": \"WS01\", \"TimeCreated\": "
                + "{\"#attributes\": {\"SystemTime\": \"" + time + "\"}}}, \"EventData\": {\"Image\": "
                + "\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}}}";
    }
}
