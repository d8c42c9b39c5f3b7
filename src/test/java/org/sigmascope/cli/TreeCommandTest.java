package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;

/** {@code sigmascope tree}: trees with link confidence and detection badges, as text and JSON Lines. */
class TreeCommandTest {
    private static final String SAMPLES = "samples/wmi-persistence";
    private static final String SEED_ID = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";

    @TempDir
    Path dir;

    private static List<JsonNode> lines(CliRun run) {
        return run.out().lines().map(line -> {
            try {
                return JsonCodec.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    private static JsonNode only(List<JsonNode> lines, String host, String image) {
        List<JsonNode> found = lines.stream().filter(l -> l.get("host").asText().equals(host)
                && l.get("image").asText().equalsIgnoreCase(image)).toList();
        assertEquals(1, found.size(), host + " " + image);
        return found.get(0);
    }

    @Test
    void textShowsLinksAndDetections() {
        CliRun run = CliRun.of("tree", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("== WS01.corp.example: 13 processes; parent links: 10 exact, 0 inferred, 3 unknown"),
                out);
        assertTrue(out.contains("├─ scrcons.exe [6248]  2024-03-11 09:02:33.518  exact  ‼ medium: WMI Persistence"
                + " - Script Event Consumer"), out);
        assertTrue(out.contains("└─ scrcons.exe [7000]  2024-03-11 11:42:10.330  inferred (id 1104, 42m 8.830s after"
                + " its start; logon, image agreed)  ‼ medium: WMI Persistence - Script Event Consumer"), out);
        assertTrue(out.contains("explorer.exe [4000]  never seen starting"), out);
        assertTrue(out.contains("notepad.exe [7200]  2024-03-11 12:05:55.020  unknown (no process 4000 seen before)"),
                out);
        assertTrue(run.err().contains("20 processes (5 never seen starting), parent links: 10 exact, 3 inferred,"
                + " 7 unknown"), run.err());
    }

    @Test
    void jsonlGivesEachProcessWithItsEvidence() {
        CliRun run = CliRun.of("tree", "-f", "jsonl", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = lines(run);
        assertEquals(20, lines.size());
        JsonNode scrcons = only(lines, "WS02.corp.example", "C:\\Windows\\System32\\wbem\\scrcons.exe");
        assertEquals(7000, scrcons.get("pid").asLong());
        assertEquals("0x3e7", scrcons.get("logon_id").asText());
        assertEquals("2024-03-11T11:42:10.3300000Z", scrcons.get("start").asText());
        assertEquals(List.of("security"), List.of(scrcons.get("started_by").get(0).asText()));
        JsonNode link = scrcons.get("link");
        assertEquals("inferred", link.get("kind").asText());
        assertEquals("pid_and_time", link.get("reason").asText());
        assertEquals("agreed", link.get("logon").asText());
        assertEquals("agreed", link.get("image").asText());
        assertEquals(2528.83, link.get("gap_seconds").asDouble(), 1e-9);
        JsonNode parent = lines.stream().filter(l -> l.get("process").asInt() == link.get("parent").asInt())
                .findFirst().orElseThrow();
        assertEquals("C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p", parent.get("command_line").asText());
        assertEquals(parent.get("depth").asInt() + 1, scrcons.get("depth").asInt());
        JsonNode start = scrcons.get("events").get("start").get(0);
        assertTrue(start.get("source").asText().endsWith("process-starts.jsonl"));
        assertEquals(5003, start.get("record_id").asLong());
        JsonNode detection = scrcons.get("detections").get(0);
        assertEquals(SEED_ID, detection.get("rule_id").asText());
        assertEquals("medium", detection.get("level").asText());
        assertEquals(5003, detection.get("record_id").asLong());
        JsonNode explorer = only(lines, "WS02.corp.example", "C:\\Windows\\explorer.exe");
        assertTrue(explorer.get("placeholder").asBoolean());
        assertTrue(explorer.get("start").isNull());
        assertEquals("placeholder", explorer.get("link").get("reason").asText());
    }

    @Test
    void theStoryIsTheDetectedProcessesTheirParentsAndWhatTheyStarted() {
        CliRun run = CliRun.of("tree", "--story", "-f", "jsonl", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        List<String> shown = lines(run).stream().map(l -> l.get("host").asText().substring(0, 4) + " "
                + l.get("image").asText().replaceAll(".*\\\\", "") + " " + l.get("mark").asText()).toList();
        assertEquals(List.of("WS01 wininit.exe context", "WS01 services.exe context", "WS01 svchost.exe context",
                "WS01 scrcons.exe match", "WS01 cmd.exe descendant",
                "WS02 wininit.exe context", "WS02 services.exe context", "WS02 svchost.exe context",
                "WS02 scrcons.exe match", "WS02 wscript.exe descendant"), shown);
    }

    @Test
    void hostAndTimeRangeNarrowTheTree() {
        CliRun run = CliRun.of("tree", "-f", "jsonl", "--host", "ws01.CORP.example", "--from", "2024-03-11T10:00:00Z",
                "--to", "2024-03-11 10:30:00", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        List<String> shown = lines(run).stream().map(l -> l.get("image").asText().replaceAll(".*\\\\", "") + " "
                + l.get("mark").asText()).toList();
        // svchost.exe started at 08:00 and started children until 10:45: the evidence places it in the range.
        assertEquals(List.of("wininit.exe context", "services.exe context", "svchost.exe match", "WmiPrvSE.exe match",
                "scrcons.exe match"), shown);
        CliRun unknownHost = CliRun.of("tree", "--host", "nowhere", SAMPLES);
        assertEquals(0, unknownHost.exitCode());
        assertEquals("no processes\n", unknownHost.out());
        assertTrue(unknownHost.err().contains("no processes on host 'nowhere'; hosts: WS01.corp.example,"
                + " WS02.corp.example"), unknownHost.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("tree", "-f", "xml", SAMPLES).exitCode());
        CliRun badTime = CliRun.of("tree", "--from", "yesterday", SAMPLES);
        assertEquals(2, badTime.exitCode());
        assertTrue(badTime.err().contains("--from must be an ISO-8601 time"), badTime.err());
        assertEquals(2, CliRun.of("tree", "--from", "2024-03-12T00:00:00Z", "--to", "2024-03-11T00:00:00Z", SAMPLES)
                .exitCode());
        assertEquals(1, CliRun.of("tree", dir.resolve("missing").toString()).exitCode());
    }

    @Test
    void eventTextCannotDriveTheTerminal() throws IOException {
        String line = Files.readAllLines(Path.of(SAMPLES, "process-starts.jsonl")).get(6)
                .replace("cmd.exe /c powershell", "cmd.exe /c \\u001b[2J\\u001b]0;owned\\u0007\\u202epowershell");
        Path evidence = dir.resolve("hostile.jsonl");
        Files.writeString(evidence, line + "\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("tree", evidence.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), run.out());
        assertTrue(run.out().contains("cmd.exe /c \\x1b[2J\\x1b]0;owned\\x07\\u202epowershell"), run.out());
    }
}
