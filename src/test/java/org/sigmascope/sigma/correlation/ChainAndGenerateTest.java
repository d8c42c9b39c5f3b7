package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/** Correlations of correlations, and which rules report their matches on their own ({@code generate}). */
class ChainAndGenerateTest {
    @TempDir
    Path dir;

    private static final String CHAIN = Fixture.BASE + """
            ---
            title: Many A
            id: many-a
            name: many_a
            correlation: {type: event_count, rules: [a], group-by: [Computer], timespan: 1m, condition: {gte: 3}}
            ---
            title: Many A, then B, by the same user
            id: outer
            level: critical
            correlation:
                type: temporal_ordered
                rules: [many_a, b]
                group-by: [Computer, User]
                timespan: 10m
            """;

    @Test
    void anOuterCorrelationTakesTheInnerHitsAndListsAllTheirEvents() {
        Fixture f = Fixture.rules(dir, CHAIN)
                .event(0, 1001, "Computer", "WS01", "User", "alice")
                .event(10, 1001, "Computer", "WS01", "User", "alice")
                .event(20, 1001, "Computer", "WS01", "User", "alice")   // many_a fires on 1-3
                .event(30, 1002, "Computer", "WS01", "User", "bob")     // b, another user
                .event(40, 1002, "Computer", "WS01", "User", "alice");  // b, the same user
        List<Detection> hits = f.hits();
        assertEquals(List.of("outer [1, 2, 3, 5]"), Fixture.summary(hits),
                "the inner correlation only feeds the outer one (generate is false)");
        assertEquals(Map.of("Computer", "WS01", "User", "alice"), hits.get(0).correlation().group(),
                "User is not a group-by field of the inner correlation: it is read from the inner hit's last event");
    }

    @Test
    void theInnerHitMustComeFirstAndWithinTheOuterTimespan() {
        Fixture f = Fixture.rules(dir, CHAIN)
                .event(0, 1002, "Computer", "WS01", "User", "alice")
                .event(10, 1001, "Computer", "WS01", "User", "alice")
                .event(20, 1001, "Computer", "WS01", "User", "alice")
                .event(30, 1001, "Computer", "WS01", "User", "alice")
                .event(630 + 1e-7, 1002, "Computer", "WS01", "User", "alice"); // 10 min and 100 ns after the hit
        assertEquals(List.of(), f.hits());
    }

    @Test
    void referencedRulesDoNotReportAloneUnlessACorrelationGenerates() {
        CorrelationPlan silent = Fixture.rules(dir, CHAIN).plan();
        assertFalse(silent.reportsAlone("00000000-0000-4000-8000-00000000000a"), "a feeds many_a only");
        assertFalse(silent.reportsAlone("many-a"), "many_a feeds outer only");
        assertTrue(silent.reportsAlone("outer"));
        assertTrue(silent.reportsAlone("00000000-0000-4000-8000-00000000000c"), "c is referred to by nothing");
        CorrelationPlan generating = Fixture.rules(dir, CHAIN.replace("timespan: 10m",
                "timespan: 10m\n    generate: true")).plan();
        assertTrue(generating.reportsAlone("many-a"), "outer generates: many_a reports its own hits");
        assertTrue(generating.reportsAlone("00000000-0000-4000-8000-00000000000b"));
        assertFalse(generating.reportsAlone("00000000-0000-4000-8000-00000000000a"), "many_a does not generate");
    }

    @Test
    void aRuleReferredToByAGeneratingAndASilentCorrelationReportsAlone() {
        CorrelationPlan plan = Fixture.rules(dir, Fixture.BASE + """
                ---
                title: One
                correlation: {type: event_count, rules: [a], timespan: 1m, condition: {gte: 2}}
                ---
                title: Two
                generate: true
                correlation: {type: event_count, rules: [a], timespan: 1m, condition: {gte: 5}}
                """).plan();
        assertTrue(plan.reportsAlone("00000000-0000-4000-8000-00000000000a"));
    }

    /** Through the scanner: a generating correlation's rules report their matches; a silent one's do not. */
    @Test
    void theScannerReportsWhatGenerates() throws Exception {
        Path evidence = dir.resolve("events.jsonl");
        java.nio.file.Files.writeString(evidence, """
                {"Event":{"System":{"EventID":1001,"Channel":"Security","Computer":"WS01","TimeCreated":{"#attributes":{"SystemTime":"2024-03-11T08:00:00Z"}},"EventRecordID":1},"EventData":{"User":"alice"}}}
                {"Event":{"System":{"EventID":1002,"Channel":"Security","Computer":"WS01","TimeCreated":{"#attributes":{"SystemTime":"2024-03-11T08:00:05Z"}},"EventRecordID":2},"EventData":{"User":"alice"}}}
                """);
        String correlation = "---\ntitle: A then B\nid: corr\ncorrelation: {type: temporal_ordered, rules: [a, b], "
                + "group-by: [Computer], timespan: 1m%s}\n";
        assertEquals(List.of("corr"), scan(evidence, Fixture.BASE + correlation.formatted("")));
        assertEquals(List.of("00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b", "corr"),
                scan(evidence, Fixture.BASE + correlation.formatted(", generate: true")));
    }

    private List<String> scan(Path evidence, String yaml) throws Exception {
        var rules = Fixture.rules(dir, yaml).ruleSet();
        List<String> found = new ArrayList<>();
        Scanner.scan(new ScanRequest(List.of(evidence), new ReferenceEngine(rules, LogsourceMapping.builtin()),
                ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1)
                .withCorrelations(CorrelationPlan.of(rules, LogsourceMapping.builtin())), new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        found.add(detection.rule().id());
                    }
                }, Progress.NONE, Cancellation.NEVER);
        return found;
    }
}
