package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;

/**
 * Correlation hits in every output of {@code scan} (pdf is the html report printed), on the generated sample (samples/generated: the WMI story at
 * 07:30 and its decoy, the same events in the wrong order, at 08:15).
 */
class ScanCorrelationOutputTest {
    private static final String SAMPLE = "samples/generated/evidence";
    private static final String CORRELATION = "3dfb0c8c-0103-4152-a554-27ef96a52bcd";
    private static final String TITLE = "WMI Persistence - Script Consumer Registered, Then Run by scrcons.exe";

    @TempDir
    Path dir;

    private static List<JsonNode> jsonl(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            lines.add(JsonCodec.MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    void jsonlWritesTheHitWithItsEventsInTimeOrder() throws IOException {
        CliRun run = CliRun.of("scan", "-f", "jsonl", SAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = jsonl(run.out());
        List<JsonNode> hits = lines.stream().filter(l -> l.has("correlation")).toList();
        assertEquals(1, hits.size(), "the story, not the decoy");
        JsonNode hit = hits.get(0);
        assertEquals(lines.get(lines.size() - 1), hit, "hits come after the other detections");
        assertEquals(CORRELATION, hit.get("rule_id").asText());
        assertEquals("high", hit.get("level").asText());
        assertEquals("Sigmascope", hit.get("rule_author").asText());
        assertEquals("temporal_ordered", hit.get("correlation").get("type").asText());
        assertEquals("WS01.corp.example", hit.get("correlation").get("group").get("Computer").asText());
        List<Long> events = new ArrayList<>();
        hit.get("correlation").get("events").forEach(e -> events.add(e.asLong()));
        assertEquals(5, events.size(), "Sysmon 20 and 21, WMI-Activity 5861, Security 4688, Sysmon 1");
        assertEquals(events.get(events.size() - 1).longValue(), hit.get("event").asLong(), "its last event");
        assertEquals("2024-03-11T07:53:59.5617970Z", hit.get("timestamp").asText());

        // the other detections carry their events' numbers: the hit's events are the consumer and scrcons events
        List<String> behind = new ArrayList<>();
        for (long id : events) {
            JsonNode detection = lines.stream().filter(l -> l.get("event").asLong() == id && !l.has("correlation"))
                    .findFirst().orElseThrow(() -> new AssertionError("no detection on event " + id));
            behind.add(detection.get("timestamp").asText().substring(11, 19) + " " + detection.get("event_id"));
        }
        assertEquals(List.of("07:30:22 20", "07:30:34 21", "07:30:34 5861", "07:53:59 4688", "07:53:59 1"), behind);
        assertTrue(lines.stream().noneMatch(l -> l.get("rule_title").asText().startsWith("WMI Script ")),
                "the base rules do not report alone");
        assertEquals("2 rules matched in order within 30m", hit.get("match").get(0).get("compared").asText());
    }

    @Test
    void csvAndTableMarkTheHit() {
        CliRun csv = CliRun.of("scan", "-f", "csv", SAMPLE);
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertTrue(rows.get(0).endsWith(",matched,correlation"), rows.get(0));
        String hit = rows.stream().filter(r -> r.contains(CORRELATION)).findFirst().orElseThrow();
        assertTrue(hit.matches(".*,temporal_ordered; Computer=WS01.corp.example; events \\d+ \\d+ \\d+ \\d+ \\d+$"),
                hit);
        assertTrue(rows.stream().filter(r -> !r.contains(CORRELATION)).skip(1).allMatch(r -> r.endsWith(",")),
                "other rows have no correlation");
        CliRun table = CliRun.of("scan", SAMPLE);
        assertTrue(table.out().contains("WMI Persistence - Script Consumer Registered, Then Run by scrcons.exe  "
                + "(correlation of 5 events: Computer=WS01.corp.example)"), table.out());
    }

    @Test
    void hayabusaListsTheHitWithItsTypeEventsAndGroup() {
        CliRun run = CliRun.of("scan", "-f", "hayabusa", SAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        List<String> hits = run.out().lines().filter(r -> r.contains(CORRELATION)).toList();
        assertEquals(1, hits.size(), run.out());
        assertTrue(hits.get(0).startsWith("2024-03-11 07:53:59.561 +00:00,\"" + TITLE + "\",high,WS01.corp.example,"),
                hits.get(0));
        assertTrue(hits.get(0).contains("Type: temporal_ordered ¦ Events: 5 ¦ Computer: WS01.corp.example"), hits.get(0));
    }

    @Test
    void timelineAndTimesketchPutTheHitOnItsLastEventNotOnTheLastEventRead() throws IOException {
        CliRun timeline = CliRun.of("scan", "-f", "timeline", SAMPLE);
        assertEquals(0, timeline.exitCode(), timeline.err());
        List<String> rows = timeline.out().lines().filter(r -> r.contains(TITLE)).toList();
        assertEquals(1, rows.size(), "one row for the hit");
        assertTrue(rows.get(0).startsWith("2024-03-11T07:53:59.5617970Z,WS01.corp.example,"
                + "Microsoft-Windows-Sysmon/Operational,1,"), rows.get(0));
        assertTrue(rows.get(0).contains("scrcons.exe"), rows.get(0));

        CliRun timesketch = CliRun.of("scan", "-f", "timesketch", SAMPLE);
        assertEquals(0, timesketch.exitCode(), timesketch.err());
        List<JsonNode> tagged = jsonl(timesketch.out()).stream()
                .filter(l -> l.toString().contains(CORRELATION)).toList();
        assertEquals(1, tagged.size());
        assertEquals("2024-03-11T07:53:59.561797+00:00", tagged.get(0).get("datetime").asText());
        assertEquals(1, tagged.get(0).get("event_identifier").asInt(), "Sysmon 1 of scrcons.exe");
    }

    @Test
    void theHtmlReportShowsTheHitAndItsEvents() throws IOException {
        Path report = dir.resolve("report.html");
        CliRun run = CliRun.of("scan", "-o", report.toString(), SAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report);
        assertTrue(html.contains("WMI Persistence - Script Consumer Registered, Then Run by scrcons.exe"));
        assertTrue(html.contains("temporal_ordered"));
        assertTrue(html.contains("Computer=WS01.corp.example"));
        assertTrue(html.contains("rule wmi_script_consumer_registered"), "the explanation names each rule's events");
    }

    @Test
    void bothEnginesAndAnyNumberOfThreadsGiveTheSameHit() throws IOException {
        List<String> hits = new ArrayList<>();
        for (String[] how : List.of(new String[] {"--engine", "reference", "-t", "1"},
                new String[] {"--engine", "compiled", "-t", "1"}, new String[] {"--engine", "compiled", "-t", "3"})) {
            List<String> args = new ArrayList<>(List.of("scan", "-f", "jsonl"));
            args.addAll(List.of(how));
            args.add(SAMPLE);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            List<JsonNode> found = jsonl(run.out()).stream().filter(l -> l.has("correlation")).toList();
            assertEquals(1, found.size(), String.join(" ", how));
            hits.add(found.get(0).get("correlation").toString() + " " + found.get(0).get("timestamp"));
        }
        assertEquals(1, hits.stream().distinct().count(), hits.toString());
    }

    @Test
    void minLevelAppliesToHitsNotToWhatCorrelationsSee() throws IOException {
        // the base rules are informational: the correlation still sees their matches
        CliRun run = CliRun.of("scan", "--min-level", "high", "-f", "jsonl", SAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, jsonl(run.out()).stream().filter(l -> l.has("correlation")).count());
    }

    @Test
    void aCorrelationOfAnUnknownRuleFailsTheScanWithItsLocation() throws IOException {
        Path rules = dir.resolve("c.yml");
        Files.writeString(rules, """
                title: Broken
                correlation: {type: temporal, rules: [nothing_here], timespan: 5m}
                """);
        CliRun run = CliRun.of("scan", "--no-builtin-rules", "-r", rules.toString(), SAMPLE);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("c.yml:1: correlation 'Broken': it refers to 'nothing_here', which is not a "
                + "loaded rule or correlation"), run.err());
    }
}
