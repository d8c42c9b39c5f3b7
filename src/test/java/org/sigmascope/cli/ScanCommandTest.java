package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;

/** The command-line contract of {@code scan}, {@code dump} and {@code rules check} (docs/cli.md). */
class ScanCommandTest {
    private static final String SAMPLES = "samples/wmi-persistence";
    private static final String SEED_ID = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";

    @TempDir
    Path dir;

    @Test
    void scanFindsTheSeedStoryAndNotTheNearMisses() throws IOException {
        CliRun run = CliRun.of("scan", "-f", "jsonl", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().allMatch(line -> line.startsWith("{\"rule_id\":")), run.out());
        List<JsonNode> lines = run.out().lines().map(ScanCommandTest::parse).toList();
        assertEquals(2, lines.size(), run.out());
        JsonNode sysmon = lines.get(0);
        assertEquals(SEED_ID, sysmon.get("rule_id").asText());
        assertEquals("WMI Persistence - Script Event Consumer", sysmon.get("rule_title").asText());
        assertEquals("Thomas Patzke", sysmon.get("rule_author").asText());
        assertEquals("medium", sysmon.get("level").asText());
        assertEquals("WS01.corp.example", sysmon.get("computer").asText());
        assertEquals("Microsoft-Windows-Sysmon/Operational", sysmon.get("channel").asText());
        assertEquals(1, sysmon.get("event_id").asInt());
        assertEquals(1006, sysmon.get("record_id").asLong());
        assertEquals("2024-03-11T09:02:33.5180000Z", sysmon.get("timestamp").asText());
        assertTrue(sysmon.get("source").asText().endsWith("process-starts.jsonl"));
        assertEquals("C:\\Windows\\System32\\svchost.exe", sysmon.get("fields").get("ParentImage").asText());
        JsonNode hit = sysmon.get("match").get(0);
        assertEquals("selection", hit.get("selection").asText());
        assertEquals("Image", hit.get("field").asText());
        assertEquals("C:\\Windows\\System32\\wbem\\scrcons.exe", hit.get("matched").asText());
        assertEquals(4688, lines.get(1).get("event_id").asInt());
        assertEquals("WS02.corp.example", lines.get(1).get("computer").asText());
    }

    @Test
    void minLevelFilters() {
        CliRun run = CliRun.of("scan", "--min-level", "high", "-f", "jsonl", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void csvGoesToTheOutputFile() throws IOException {
        Path out = dir.resolve("d.csv");
        CliRun run = CliRun.of("scan", "-f", "csv", "-o", out.toString(), SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("timestamp,level,rule_title,rule_id,rule_author"));
        assertTrue(rows.get(1).contains("Thomas Patzke"));
        assertTrue(run.err().contains("2 detections"), run.err());
    }

    @Test
    void dumpPrintsEveryEventWithSigmaFieldNames() {
        CliRun run = CliRun.of("dump", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().allMatch(line -> line.startsWith("{\"source\":")), "one object per line, nothing before it");
        List<JsonNode> lines = run.out().lines().map(ScanCommandTest::parse).toList();
        assertEquals(15, lines.size());
        JsonNode first = lines.get(0);
        assertEquals(1001, first.get("record_id").asLong());
        assertEquals("Microsoft-Windows-Sysmon", first.get("fields").get("Provider_Name").asText());
        assertEquals("C:\\Windows\\System32\\services.exe", first.get("fields").get("Image").asText());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("scan", "-f", "xml", SAMPLES).exitCode());
        assertEquals(2, CliRun.of("scan").exitCode());
        assertEquals(2, CliRun.of("nosuchcommand").exitCode());
    }

    @Test
    void aMissingInputExitsWithOne() {
        CliRun run = CliRun.of("scan", dir.resolve("nothing-here").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nothing-here"), run.err());
    }

    @Test
    void rulesCheckReportsFailuresAndCounts() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), "title: x\nlogsource: {product: windows}\ndetection: {condition: sel}\n");
        CliRun run = CliRun.of("rules", "check", "-r", dir.toString());
        assertEquals(1, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("bad.yml:3: "), lines.get(0));
        assertEquals("0 rules loaded, 1 failed", lines.get(lines.size() - 1));
        CliRun builtin = CliRun.of("rules", "check");
        assertEquals(0, builtin.exitCode(), builtin.out());
        assertTrue(builtin.out().endsWith("rules loaded, 0 failed\n"), builtin.out());
    }

    @Test
    void versionSaysWhatItIs() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Sigmascope "), run.out());
    }

    private static JsonNode parse(String line) {
        try {
            return JsonCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
