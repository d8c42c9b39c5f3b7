package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Match;

/**
 * Every correlation type at the edges of its window: matches exactly one timespan apart are inside it (both ends
 * count, as in pySigma), 100 ns more is outside. Events are numbered from 1 in the order they are added.
 */
class CorrelationTypesTest {
    /** 100 ns, the precision of Windows event times. */
    private static final double TICK = 1e-7;

    @TempDir
    Path dir;

    private Fixture eventCount() {
        return Fixture.correlation(dir, """
                type: event_count
                rules: [a]
                timespan: 1m
                condition: {gte: 3}
                """);
    }

    @Test
    void eventCountJustInsideTheWindow() {
        Fixture f = eventCount().event(0, 1001).event(30, 1001).event(60, 1001);
        assertEquals(List.of(List.of(1L, 2L, 3L)), f.hitEvents());
    }

    @Test
    void eventCountJustOutsideTheWindow() {
        Fixture f = eventCount().event(0, 1001).event(30, 1001).event(60 + TICK, 1001);
        assertEquals(List.of(), f.hitEvents());
    }

    @Test
    void aBurstIsOneHitWithAllItsEventsAndAQuietGapStartsAnother() {
        Fixture f = eventCount();
        for (int i = 0; i < 10; i++) {
            f.event(i * 10, 1001);                    // ids 1-10: 90 s, always 3 or more per minute
        }
        f.event(300, 1001).event(301, 1001);           // ids 11-12: two only
        f.event(600, 1001).event(601, 1001).event(602, 1001); // ids 13-15: a second burst
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), List.of(13L, 14L, 15L)),
                f.hitEvents());
    }

    @Test
    void theExplanationGivesTheMeasureAndTheRangeItReached() {
        Fixture f = eventCount();
        for (int i = 0; i < 6; i++) {
            f.event(i * 10, 1001);
        }
        Match.FieldHit condition = f.hits().get(0).match().selections().get(0).fields().get(0);
        assertEquals("events", condition.field());
        assertEquals(List.of("gte"), condition.modifiers());
        assertEquals("gte 3", condition.ruleValue());
        assertEquals("3", condition.eventValue(), "the count when it first held");
        assertEquals("3 events within 1m, 3 to 6 while the hit lasted", condition.compared());
    }

    @Test
    void valueCountCountsDistinctValuesAndLeavesOutMatchesWithoutTheField() {
        Fixture f = Fixture.correlation(dir, """
                type: value_count
                rules: [a]
                group-by: [IpAddress]
                timespan: 1m
                condition: {field: TargetUserName, gte: 3}
                """);
        f.event(0, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "alice")
                .event(10, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "alice")
                .event(20, 1001, "IpAddress", "10.0.0.9")                          // no user: not a value
                .event(30, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "bob")
                .event(60, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "carol") // 60 s after the first: inside
                .event(200, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "alice")
                .event(210, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "bob")
                .event(270 + TICK, 1001, "IpAddress", "10.0.0.9", "TargetUserName", "carol"); // just outside
        assertEquals(List.of(List.of(1L, 2L, 4L, 5L)), f.hitEvents());
    }

    @Test
    void valueCountOverSeveralFieldsCountsTheirCombinations() {
        Fixture f = Fixture.correlation(dir, """
                type: value_count
                rules: [a]
                timespan: 1m
                condition: {field: [TargetUserName, TargetDomainName], gte: 2}
                """);
        f.event(0, 1001, "TargetUserName", "alice", "TargetDomainName", "CORP")
                .event(1, 1001, "TargetUserName", "alice", "TargetDomainName", "CORP");
        assertEquals(List.of(), f.hitEvents(), "one combination");
        f.event(2, 1001, "TargetUserName", "alice", "TargetDomainName", "LAB");
        assertEquals(List.of(List.of(1L, 2L, 3L)), f.hitEvents());
    }

    private Fixture temporal(String type) {
        return Fixture.correlation(dir, """
                type: %s
                rules: [a, b, c]
                timespan: 5m
                """.formatted(type));
    }

    @Test
    void temporalNeedsEveryRuleInTheWindowInAnyOrder() {
        assertEquals(List.of(List.of(1L, 2L, 3L)), temporal("temporal").event(0, 1003).event(100, 1001)
                .event(300, 1002).hitEvents(), "c, a, b: any order, 300 s apart");
        assertEquals(List.of(), temporal("temporal").event(0, 1003).event(100, 1001).event(300 + TICK, 1002)
                .hitEvents(), "just outside");
        assertEquals(List.of(), temporal("temporal").event(0, 1001).event(10, 1001).event(20, 1002).hitEvents(),
                "c never matched");
    }

    @Test
    void temporalWithAConditionCountsTheRulesThatMatched() {
        Fixture f = Fixture.correlation(dir, """
                type: temporal
                rules: [a, b, c]
                timespan: 5m
                condition: {gte: 2}
                """);
        assertEquals(List.of(List.of(1L, 2L)), f.event(0, 1003).event(10, 1001).hitEvents());
    }

    @Test
    void temporalOrderedNeedsTheOrderGiven() {
        assertEquals(List.of(List.of(1L, 2L, 3L)), temporal("temporal_ordered").event(0, 1001).event(100, 1002)
                .event(300, 1003).hitEvents(), "a, b, c within 300 s");
        assertEquals(List.of(), temporal("temporal_ordered").event(0, 1001).event(100, 1002).event(300 + TICK, 1003)
                .hitEvents(), "just outside");
        assertEquals(List.of(), temporal("temporal_ordered").event(0, 1001).event(100, 1003).event(200, 1002)
                .hitEvents(), "a, c, b: the wrong order");
    }

    @Test
    void temporalOrderedLeavesOutMatchesThatAreNotInOrder() {
        // b first (too early to follow a), then a, b, c; then a lone c within the window of the hit
        Fixture f = temporal("temporal_ordered").event(0, 1002).event(10, 1001).event(20, 1002).event(30, 1003);
        assertEquals(List.of(List.of(2L, 3L, 4L)), f.hitEvents());
    }

    @Test
    void temporalOrderedTakesTiesAsInOrderButNeverOneEventForTwoRules() {
        Fixture f = Fixture.correlation(dir, """
                type: temporal_ordered
                rules: [a, b]
                timespan: 1m
                """);
        assertEquals(List.of(List.of(1L, 2L)), f.event(5, 1002).event(5, 1001).hitEvents(),
                "b and a at the same instant: in order");
        Fixture both = Fixture.rules(dir, Fixture.BASE + """
                ---
                title: Also A
                name: a2
                logsource: {product: windows, service: security}
                detection: {selection: {EventID: 1001}, condition: selection}
                ---
                title: Correlation
                id: corr
                correlation: {type: temporal_ordered, rules: [a, a2], timespan: 1m}
                """);
        assertEquals(List.of(), both.event(0, 1001).hitEvents(), "one event matching a and a2 is not a sequence");
        assertEquals(List.of(List.of(1L, 2L)), both.event(1, 1001).hitEvents(), "two events are");
    }

    @Test
    void valueSumJustInsideAndOutside() {
        String body = """
                type: value_sum
                rules: [a]
                group-by: [User]
                timespan: 10s
                condition: {field: Bytes, gt: 1000}
                """;
        assertEquals(List.of(List.of(1L, 3L)), Fixture.correlation(dir, body)
                .event(0, 1001, "User", "u", "Bytes", 600L)
                .event(5, 1001, "User", "u", "Bytes", "not a number")
                .event(10, 1001, "User", "u", "Bytes", "401").hitEvents(),
                "1001 within 10 s; a number written as text counts, other text is left out of the sum and the hit");
        assertEquals(List.of(), Fixture.correlation(dir, body)
                .event(0, 1001, "User", "u", "Bytes", 600L)
                .event(10 + TICK, 1001, "User", "u", "Bytes", 401L).hitEvents());
        assertEquals(List.of(), Fixture.correlation(dir, body)
                .event(0, 1001, "User", "u", "Bytes", 600L)
                .event(10, 1001, "User", "u", "Bytes", 400L).hitEvents(), "1000 is not more than 1000");
    }

    @Test
    void valueAverageAndAFractionalThreshold() {
        Fixture f = Fixture.correlation(dir, """
                type: value_avg
                rules: [a]
                timespan: 1m
                condition: {field: Ratio, gte: 0.5}
                """);
        f.event(0, 1001, "Ratio", 0.25).event(10, 1001, "Ratio", 0.5);
        assertEquals(List.of(), f.hitEvents(), "0.375");
        f.event(20, 1001, "Ratio", 1.0);
        assertEquals(List.of(List.of(1L, 2L, 3L)), f.hitEvents(), "0.583");
    }

    @Test
    void valuePercentileAndMedian() {
        Fixture p90 = Fixture.correlation(dir, """
                type: value_percentile
                rules: [a]
                timespan: 1h
                condition: {field: Size, percentile: 90, gte: 100}
                """);
        for (int i = 1; i <= 9; i++) {
            p90.event(i, 1001, "Size", (long) i);
        }
        p90.event(10, 1001, "Size", 1000L);
        // Ten values: index floor(10 × 90 / 100) = 9 is the largest, 1000; with nine values it was 9.
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)), p90.hitEvents());
        Fixture median = Fixture.correlation(dir, """
                type: value_median
                rules: [a]
                timespan: 1h
                condition: {field: Size, eq: 15}
                """);
        median.event(0, 1001, "Size", 10L).event(1, 1001, "Size", 20L);
        assertEquals(List.of(List.of(1L, 2L)), median.hitEvents(), "the mean of the two middle values");
    }

    @Test
    void aRangeHoldsOnlyWhileTheMeasureIsWithinIt() {
        Fixture f = Fixture.correlation(dir, """
                type: event_count
                rules: [a]
                timespan: 1m
                condition: {gt: 2, lte: 4}
                """);
        for (int i = 0; i < 6; i++) {
            f.event(i, 1001);
        }
        // windows of 3 and 4 events pass; the fifth event makes 5, which ends the hit
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L)), f.hitEvents());
    }

    @Test
    void equalAndNotEqual() {
        Fixture eq = Fixture.correlation(dir, "type: event_count\nrules: [a]\ntimespan: 1m\ncondition: {eq: 2}\n");
        assertEquals(List.of(List.of(1L, 2L)), eq.event(0, 1001).event(1, 1001).event(2, 1001).hitEvents());
        Fixture neq = Fixture.correlation(dir, "type: event_count\nrules: [a]\ntimespan: 1m\ncondition: {neq: 1}\n");
        assertEquals(List.of(List.of(1L, 2L)), neq.event(0, 1001).event(1, 1001).hitEvents());
    }

    @Test
    void aHitIsOneDetectionOfItsLastEventWithTheCorrelationsRuleAndLevel() {
        Detection hit = temporal("temporal_ordered").event(0, 1001).event(1, 1002).event(2, 1003).hits().get(0);
        assertEquals("corr", hit.rule().id());
        assertEquals("high", hit.rule().level().sigmaName());
        assertEquals(3, hit.event().id());
        assertEquals("windows", hit.rule().product(), "the product its rules share");
        List<String> selections = hit.match().selections().stream().map(Match.SelectionHit::selection).toList();
        assertEquals(List.of("condition", "rule a", "rule b", "rule c"), selections);
        assertTrue(hit.match().selections().get(1).fields().get(0).eventValue()
                .startsWith("#1 at 2024-03-11T08:00:00"));
    }

    /**
     * Each type with a window of one minute, on events written {@code rule@seconds=N} (N in the field {@code N}):
     * with the last event at its time the hit holds them all; 100 ns later no window does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            event_count      | [a]    | {gte: 2}                          | a@0=1, a@60=1
            value_count      | [a]    | {field: N, gte: 2}                | a@0=1, a@60=2
            temporal         | [a, b] | {gte: 2}                          | a@0=1, b@60=1
            temporal_ordered | [a, b] | {gte: 2}                          | a@0=1, b@60=1
            value_sum        | [a]    | {field: N, gte: 2}                | a@0=1, a@60=1
            value_avg        | [a]    | {field: N, eq: 2}                 | a@0=3, a@60=1
            value_percentile | [a]    | {field: N, percentile: 50, eq: 5} | a@0=1, a@30=9, a@60=5
            """)
    void everyTypeJustInsideAndJustOutsideItsWindow(String type, String rules, String condition, String events) {
        String body = "type: %s\nrules: %s\ntimespan: 1m\ncondition: %s\n".formatted(type, rules, condition);
        List<String> written = List.of(events.split(",\\s*"));
        List<Long> all = new ArrayList<>();
        for (long id = 1; id <= written.size(); id++) {
            all.add(id);
        }
        assertEquals(List.of(all), window(body, written, 0).hitEvents(), "exactly one timespan apart");
        assertEquals(List.of(), window(body, written, TICK).hitEvents(), "100 ns more");
    }

    /** The events, the last one {@code later} seconds after its written time. */
    private Fixture window(String body, List<String> events, double later) {
        Fixture f = Fixture.correlation(dir, body);
        for (int i = 0; i < events.size(); i++) {
            String[] parts = events.get(i).split("[@=]");
            double seconds = Double.parseDouble(parts[1]) + (i == events.size() - 1 ? later : 0);
            f.event(seconds, parts[0].equals("a") ? 1001 : 1002, "N", Long.parseLong(parts[2]));
        }
        return f;
    }
}
