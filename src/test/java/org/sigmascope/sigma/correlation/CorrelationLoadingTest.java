package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;

/** Correlation documents as written, and every way one can be wrong, each reported as {@code path:line: why}. */
class CorrelationLoadingTest {
    @TempDir
    Path dir;

    private String onlyFailure(String yaml) {
        RuleSet rules = Fixture.load(dir, yaml);
        assertEquals(1, rules.failures().size(), rules.failures().toString());
        Diagnostic failure = rules.failures().get(0);
        return failure.line() + ": " + failure.message();
    }

    private String correlationFailure(String body) {
        return onlyFailure(Fixture.BASE + "---\ntitle: Correlation\nid: corr\ncorrelation:\n" + body.indent(4));
    }

    /** The line the correlation's document starts at, after the base rules and their '---'. */
    private static final int DOCUMENT = (int) Fixture.BASE.lines().count() + 2;

    @Test
    void aCorrelationLoadsWithEverythingItSays() {
        RuleSet rules = Fixture.load(dir, Fixture.BASE + """
                ---
                title: Spray
                id: 7b0b5b3f-0f6d-4c43-9a53-5a0f1b7b6c01
                name: spray
                author: Someone
                level: critical
                tags: [attack.credential-access, attack.t1110.003]
                correlation:
                    type: value_count
                    rules: [a, 00000000-0000-4000-8000-00000000000b]
                    group-by: [source_ip]
                    timespan: 2h
                    aliases:
                        source_ip: {a: IpAddress, b: SourceAddress}
                    condition: {field: TargetUserName, gte: 10, lt: 100}
                """);
        assertEquals(List.of(), rules.failures());
        SigmaCorrelation spray = rules.findCorrelation("spray").orElseThrow();
        assertEquals(CorrelationType.VALUE_COUNT, spray.type());
        assertEquals(List.of("a", "00000000-0000-4000-8000-00000000000b"), spray.rules());
        assertEquals(Duration.ofHours(2), spray.timespan().duration());
        assertEquals(Map.of("source_ip", Map.of("a", "IpAddress", "b", "SourceAddress")), spray.aliases());
        assertEquals("gte 10 and lt 100", spray.condition().toString());
        assertEquals(List.of("TargetUserName"), spray.condition().fields());
        assertEquals("critical", spray.info().level().sigmaName());
        assertEquals("Someone", spray.info().author());
        assertEquals(List.of("attack.credential-access", "attack.t1110.003"), spray.info().tags());
        assertTrue(spray.yaml().contains("type: value_count"));
        assertEquals(3, rules.rules().size(), "the correlation is not a detection rule");
    }

    @Test
    void temporalTypesDefaultToEveryRuleAndGenerateToFalse() {
        RuleSet rules = Fixture.load(dir, Fixture.BASE + """
                ---
                title: T
                correlation: {type: temporal, rules: [a, b, c], timespan: 90s}
                """);
        SigmaCorrelation t = rules.correlations().get(0);
        assertEquals("gte 3", t.condition().toString());
        assertEquals(false, t.generate());
        assertEquals(List.of(), t.groupBy());
        assertEquals("T", t.id(), "the title stands for a missing id, as for rules");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no type | rules: [a]\\ntimespan: 1m | 3: the correlation has no 'type' (event_count, value_count, "
                    + "temporal, temporal_ordered, value_sum, value_avg, value_percentile, value_median)",
            "unknown type | type: sequence\\nrules: [a]\\ntimespan: 1m | 4: unknown correlation type 'sequence' "
                    + "(known: "
                    + "event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile, "
                    + "value_median)",
            "no rules | type: temporal\\ntimespan: 1m | 3: the correlation needs 'rules': the ids or names of the "
                    + "rules it correlates",
            "no timespan | type: temporal\\nrules: [a] | 3: the correlation has no 'timespan' (such as 5m, 1h or 2d)",
            "bad timespan | type: temporal\\nrules: [a]\\ntimespan: 1 hour | 6: the timespan '1 hour' is not a number "
                    + "and a unit (s, m, h, d; also w, M, y), such as 30s, 5m, 1h or 2d",
            "zero timespan | type: temporal\\nrules: [a]\\ntimespan: 0s | 6: the timespan '0s' must be longer than "
                    + "zero",
            "no condition | type: event_count\\nrules: [a]\\ntimespan: 1m | 3: a event_count correlation needs a "
                    + "'condition', such as {gte: 10}",
            "no field | type: value_sum\\nrules: [a]\\ntimespan: 1m\\ncondition: {gt: 5} | 7: a value_sum "
                    + "correlation's "
                    + "condition needs 'field': the field whose values it measures",
            "no comparison | type: event_count\\nrules: [a]\\ntimespan: 1m\\ncondition: {field: X} | 7: the condition "
                    + "needs a comparison: gt, gte, lt, lte, eq or neq (two for a range)",
            "unknown comparison | type: event_count\\nrules: [a]\\ntimespan: 1m\\ncondition: {ge: 5} | 7: unknown key "
                    + "'ge' in the condition (gt, gte, lt, lte, eq, neq, field, percentile)",
            "text threshold | type: event_count\\nrules: [a]\\ntimespan: 1m\\ncondition: {gte: many} | 7: 'gte' "
                    + "must be "
                    + "a number, not 'many'",
            "expression | type: temporal\\nrules: [a, b]\\ntimespan: 1m\\ncondition: a and b | 7: a condition "
                    + "written as an expression of rule names is a pySigma extension, not Sigma 2.1, and is not "
                    + "supported: write a "
                    + "mapping such as {gte: 2}",
            "bad percentile | type: value_percentile\\nrules: [a]\\ntimespan: 1m\\ncondition: {field: X, "
                    + "percentile: 101, "
                    + "gt: 1} | 7: 'percentile' must be a whole number from 0 to 100, not '101'",
            "generate text | type: temporal\\nrules: [a]\\ntimespan: 1m\\ngenerate: yes please | 7: 'generate' must be "
                    + "true or false, not 'yes please'",
            "unknown rule | type: temporal\\nrules: [a, d]\\ntimespan: 1m | 1: correlation 'Correlation': it refers to "
                    + "'d', which is not a loaded rule or correlation",
            "alias of another rule | type: temporal\\nrules: [a, b]\\ntimespan: 1m\\ngroup-by: [ip]\\n"
                    + "aliases: {ip: {c: "
                    + "IpAddress}} | 1: correlation 'Correlation': the alias 'ip' names 'c', which is not one of the "
                    + "rules the correlation refers to",
            "itself | type: temporal\\nrules: [a, corr]\\ntimespan: 1m | 1: correlation 'Correlation': it refers to "
                    + "itself"})
    void aBrokenCorrelationSaysWhereAndWhy(String what, String body, String expected) {
        // expected: the line counted from the correlation's 'title' (1), a colon, the message
        String failure = correlationFailure(body.replace("\\n", "\n"));
        int separator = expected.indexOf(':');
        int line = Integer.parseInt(expected.substring(0, separator).trim());
        String message = expected.substring(separator + 1).trim();
        assertEquals((DOCUMENT + line - 1) + ": " + message, failure, what);
    }

    @Test
    void generateGivenTwiceDifferentlyIsRefused() {
        assertEquals((DOCUMENT + 6) + ": 'generate' is given twice, as false and as true", onlyFailure(Fixture.BASE
                + "---\ntitle: Correlation\ngenerate: false\ncorrelation:\n    type: temporal\n    rules: [a]\n"
                + "    timespan: 1m\n    generate: true\n"));
    }

    @Test
    void correlationsThatReferToEachOtherFailAndSoDoThoseThatReferToThem() {
        RuleSet rules = Fixture.load(dir, Fixture.BASE + """
                ---
                title: X
                name: x
                correlation: {type: temporal, rules: [a, y], timespan: 1m}
                ---
                title: Y
                name: y
                correlation: {type: temporal, rules: [b, x], timespan: 1m}
                ---
                title: Z
                name: z
                correlation: {type: temporal, rules: [x, c], timespan: 1m}
                ---
                title: Fine
                correlation: {type: temporal, rules: [a, c], timespan: 1m}
                """);
        assertEquals(List.of("Fine"), rules.correlations().stream().map(SigmaCorrelation::title).toList());
        assertEquals(List.of("correlation 'X': it refers to itself through x → y → x",
                        "correlation 'Y': it refers to itself through y → x → y",
                        "correlation 'Z': it refers to the correlation 'x', which did not load"),
                rules.failures().stream().map(Diagnostic::message).toList());
    }

    @Test
    void doubtfulPointsAreWarningsAndTheCorrelationStillLoads() {
        RuleSet rules = Fixture.load(dir, Fixture.BASE + """
                ---
                title: P
                correlation:
                    type: value_percentile
                    rules: [a]
                    timespan: 1m
                    condition: {field: Size, gte: 10}
                    window: 5m
                ---
                title: E
                correlation: {type: event_count, rules: [a], timespan: 1m, condition: {field: Size, gte: 10}}
                """);
        assertEquals(List.of(), rules.failures());
        assertEquals(95, rules.correlations().get(0).condition().percentile());
        assertEquals(List.of("unknown key 'window' in 'correlation' is ignored",
                        "no 'percentile' given: the 95th is used, as pySigma does",
                        "'field' means nothing to a event_count correlation and is ignored"),
                rules.warnings().stream().map(Diagnostic::message).toList());
    }

    @Test
    void aCorrelationSharingAnIdWithARuleIsADuplicate() {
        RuleSet rules = Fixture.load(dir, Fixture.BASE + """
                ---
                title: Same id
                id: 00000000-0000-4000-8000-00000000000a
                correlation: {type: temporal, rules: [b], timespan: 1m}
                """);
        assertEquals(List.of(), rules.correlations());
        assertTrue(rules.duplicates().get(0).message().startsWith("duplicate rule id 00000000-0000-4000-8000-"));
    }

    @Test
    void timespanUnits() {
        assertEquals(Duration.ofSeconds(30), Timespan.parse("30s").duration());
        assertEquals(Duration.ofMinutes(90), Timespan.parse("90m").duration());
        assertEquals(Duration.ofDays(14), Timespan.parse("2w").duration());
        assertEquals(Duration.ofSeconds(2_629_746), Timespan.parse("1M").duration(), "pySigma's month");
    }
}
