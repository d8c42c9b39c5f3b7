package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Windows are evaluated on event time, not arrival order: the same events give the same hits in any order, spread
 * over several files that interleave in time, as in one time-sorted file.
 */
class OutOfOrderTest {
    @TempDir
    Path dir;

    /** Several types and a chain, so that every evaluation path sees shuffled input. */
    private static final String RULES = Fixture.BASE + """
            ---
            title: Burst of A
            id: burst
            name: burst
            correlation: {type: event_count, rules: [a], group-by: [Computer], timespan: 2m, condition: {gte: 3}}
            ---
            title: A then B then C
            id: ordered
            generate: true
            correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [Computer], timespan: 5m}
            ---
            title: Many users
            id: users
            correlation:
                type: value_count
                rules: [b, c]
                group-by: [Computer]
                timespan: 10m
                condition: {field: User, gte: 3}
            ---
            title: Burst, then C
            id: chain
            correlation: {type: temporal_ordered, rules: [burst, c], group-by: [Computer], timespan: 10m}
            """;

    /** Events of rules a, b and c on three hosts over two hours, with ids 1…n in time order. */
    private static List<Event> story(Random random, int count) {
        List<Event> events = new ArrayList<>();
        long nanos = 0;
        for (int i = 1; i <= count; i++) {
            nanos += (long) (random.nextDouble() * 40e9);
            int eventId = 1001 + random.nextInt(3);
            String computer = "WS0" + (1 + random.nextInt(3));
            Map<String, Object> fields = new HashMap<>();
            fields.put("EventID", (long) eventId);
            fields.put("User", "user" + random.nextInt(4));
            fields.put("Computer", computer);
            events.add(new Event(i, 1, i, Fixture.T0.plusNanos(nanos), computer, "Security", "", eventId, 0,
                    org.sigmascope.model.Fields.of(fields), i, false));
        }
        return events;
    }

    @Test
    void theSameEventsInAnyOrderGiveTheSameHits() {
        RuleSet rules = Fixture.rules(dir, RULES).ruleSet();
        List<Event> events = story(new Random(7), 400);
        List<String> sorted = run(rules, events);
        for (String correlation : List.of("ordered ", "users ", "chain ")) {
            assertTrue(sorted.stream().anyMatch(hit -> hit.startsWith(correlation)),
                    correlation + "has hits: " + sorted);
        }
        for (int seed = 0; seed < 20; seed++) {
            List<Event> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(sorted, run(rules, shuffled), "seed " + seed);
        }
    }

    private static List<String> run(RuleSet rules, List<Event> events) {
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        CorrelationRun run = CorrelationPlan.of(rules, LogsourceMapping.builtin()).start(RunLimits.SCAN);
        events.forEach(event -> engine.match(event, run::offer));
        return Fixture.summary(run.finish());
    }

    /** Three files that interleave in time, each written newest first, against one file in time order. */
    @Test
    void filesThatInterleaveInTimeGiveTheHitsOfOneTimeSortedFile() throws IOException {
        RuleSet rules = Fixture.rules(dir, RULES).ruleSet();
        List<Event> events = story(new Random(11), 300);
        Path sorted = dir.resolve("sorted");
        Files.createDirectories(sorted);
        write(sorted.resolve("all.jsonl"), events);
        Path split = dir.resolve("split");
        Files.createDirectories(split);
        for (int part = 0; part < 3; part++) {
            List<Event> mine = new ArrayList<>();
            for (int i = part; i < events.size(); i += 3) {
                mine.add(events.get(i));
            }
            Collections.reverse(mine);
            write(split.resolve("part" + part + ".jsonl"), mine);
        }
        List<String> expected = scan(rules, sorted);
        for (String correlation : List.of("ordered ", "users ", "chain ")) {
            assertTrue(expected.stream().anyMatch(hit -> hit.startsWith(correlation)), correlation + expected);
        }
        assertEquals(expected, scan(rules, split));
    }

    private static void write(Path file, List<Event> events) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
            out.append("{\"Event\":{\"System\":{\"EventID\":").append(e.eventId())
                    .append(",\"Channel\":\"Security\",\"Computer\":\"").append(e.computer())
                    .append("\",\"EventRecordID\":").append(e.recordId())
                    .append(",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"").append(e.timestamp())
                    .append("\"}}},\"EventData\":{\"User\":\"").append(e.fields().get("User")).append("\"}}}\n");
        }
        Files.writeString(file, out);
    }

    /** The hits of a scan, each as its rule and the record ids of its events (ids differ with the read order). */
    private static List<String> scan(RuleSet rules, Path evidence) throws IOException {
        Map<Long, Long> recordOf = new HashMap<>();
        List<Detection> hits = new ArrayList<>();
        Scanner.scan(new ScanRequest(List.of(evidence), new ReferenceEngine(rules, LogsourceMapping.builtin()),
                ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1)
                .withCorrelations(CorrelationPlan.of(rules, LogsourceMapping.builtin())), new ScanListener() {
                    @Override
                    public boolean wantsEvents() {
                        return true;
                    }

                    @Override
                    public void event(Event event) {
                        recordOf.put(event.id(), event.recordId());
                    }

                    @Override
                    public void detection(Detection detection) {
                        if (detection.correlation() != null) {
                            hits.add(detection);
                        }
                    }
                }, Progress.NONE, Cancellation.NEVER);
        List<String> found = new ArrayList<>();
        for (Detection hit : hits) {
            found.add(hit.rule().id() + " " + hit.correlation().eventIds().stream().map(recordOf::get).toList()
                    + " at " + hit.event().timestamp());
        }
        Collections.sort(found);
        return found;
    }

    @Test
    void eventsWithoutATimeAreLeftOutAndTheRunSaysSo() {
        Fixture f = Fixture.correlation(dir, "type: event_count\nrules: [a]\ntimespan: 1m\ncondition: {gte: 1}\n");
        ReferenceEngine engine = new ReferenceEngine(f.ruleSet(), LogsourceMapping.builtin());
        CorrelationRun run = f.plan().start(RunLimits.SCAN);
        engine.match(new Event(1, 1, 1, null, "WS01", "Security", "", 1001, 0,
                org.sigmascope.model.Fields.of(Map.of("EventID", 1001L)), 0, false), run::offer);
        engine.match(new Event(2, 1, 2, Instant.parse("2024-03-11T08:00:00Z"), "WS01", "Security", "", 1001, 0,
                org.sigmascope.model.Fields.of(Map.of("EventID", 1001L)), 0, false), run::offer);
        assertEquals(List.of("corr [2]"), Fixture.summary(run.finish()));
        assertEquals(List.of("correlation 'Correlation': 1 matches of its rules were left out because their events "
                + "have no time"), run.notes());
    }

    @Test
    void pastItsLimitARunLeavesMatchesOutAndSaysSo() {
        Fixture f = Fixture.correlation(dir, "type: event_count\nrules: [a]\ntimespan: 1m\ncondition: {gte: 2}\n");
        for (int i = 0; i < 5; i++) {
            f.event(i, 1001, "Payload", "x".repeat(100));
        }
        ReferenceEngine engine = new ReferenceEngine(f.ruleSet(), LogsourceMapping.builtin());
        CorrelationRun run = f.plan().start(new RunLimits(3, 1, 2));
        f.events().forEach(event -> engine.match(event, run::offer));
        List<Detection> hits = run.finish();
        assertEquals(List.of("corr [1, 2]"), Fixture.summary(hits), "three matches kept, two of them listed");
        assertTrue(hits.get(0).event().fields().isEmpty(), "past one match, events are kept without their fields");
        assertEquals(3, hits.get(0).event().id());
        assertEquals(List.of("correlation 'Correlation': 2 matches of its rules were left out because the run already "
                + "held 3 matches; its hits may be incomplete"), run.notes());
        assertTrue(hits.get(0).match().selections().get(0).fields().get(0).compared()
                .endsWith("2 of its 3 events listed"));
    }
}
