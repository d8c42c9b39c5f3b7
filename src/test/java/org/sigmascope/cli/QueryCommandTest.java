package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;

/** {@code sigmascope query CASE 'QUERY' [-f table|csv|jsonl]} on a real case file. */
class QueryCommandTest {
    @TempDir
    static Path dir;
    static Path caseFile;

    @BeforeAll
    static void makeCase() throws IOException {
        caseFile = dir.resolve("case.duckdb");
        TestCases.imported(caseFile, TestCases.SAMPLES).close();
    }

    @Test
    void jsonlGivesTheMatchingEventsInTimeOrder() throws IOException {
        CliRun run = CliRun.of("query", caseFile.toString(), "Image:*\\scrcons.exe", "-f", "jsonl");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.out().lines().map(QueryCommandTest::parse).toList();
        assertEquals(3, lines.size());
        assertEquals("2024-03-11T09:02:33.5180000Z", lines.get(0).get("timestamp").asText());
        assertEquals("medium", lines.get(0).get("level").asText());
        assertEquals(1, lines.get(0).get("detections").asInt());
        assertEquals("C:\\Windows\\System32\\wbem\\scrcons.exe", lines.get(0).get("fields").get("Image").asText());
        assertTrue(lines.get(1).get("level").isNull());
        assertTrue(run.err().contains("3 event(s)"), run.err());
    }

    @Test
    void csvAndTableAndCount() {
        CliRun csv = CliRun.of("query", caseFile.toString(), "EventID:4688", "-f", "csv", "--sort", "-time");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).startsWith("id,timestamp,computer"));
        assertTrue(rows.get(1).startsWith("15,2024-03-11T12:05:55"), rows.get(1));
        CliRun table = CliRun.of("query", caseFile.toString(), "level:>=medium");
        assertEquals(0, table.exitCode());
        assertEquals(3, table.out().lines().count(), table.out());
        CliRun count = CliRun.of("query", caseFile.toString(), "NOT EventID:1", "--count");
        assertEquals("5", count.out().strip());
        CliRun limited = CliRun.of("query", caseFile.toString(), "*", "-n", "4", "-f", "jsonl");
        assertEquals(4, limited.out().lines().count());
    }

    @Test
    void aSyntaxErrorIsAUsageErrorThatPointsAtItsColumn() {
        CliRun run = CliRun.of("query", caseFile.toString(), "EventID:4688 AND (Image:x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("at column 18: this '(' is never closed"), run.err());
        assertTrue(run.err().contains("                 ^"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void theCaseIsOpenedReadOnly() throws IOException {
        CliRun run = CliRun.of("query", dir.resolve("missing.duckdb").toString(), "*");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("missing.duckdb"), run.err());
        try (CaseStore store = CaseStore.open(caseFile)) {
            assertEquals(15, store.eventCount());
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JsonCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
