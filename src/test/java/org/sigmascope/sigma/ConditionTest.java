package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sigmascope.sigma.Items.event;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Match;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.eval.ConditionEvaluator;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleParser;
import org.sigmascope.sigma.load.YamlDocument;

/** Every form of the condition grammar, evaluated on events, and the explanation it gives. */
class ConditionTest {
    /** Identifiers a, b, c, _helper hold when the event's field of the same name is "yes". */
    private static SigmaRule rule(String condition) throws RuleException {
        String yaml = """
                title: Condition
                logsource: {product: windows, category: process_creation}
                detection:
                    sel_a: {A: 'yes'}
                    sel_b: {B: 'yes'}
                    c: {C: 'yes'}
                    _helper: {H: 'yes'}
                    condition: %s
                """.formatted(condition);
        return RuleParser.parse(YamlDocument.parseAll(yaml).get(0), "test.yml");
    }

    private static EventView holding(String... fields) {
        Object[] pairs = new Object[fields.length * 2];
        for (int i = 0; i < fields.length; i++) {
            pairs[2 * i] = fields[i];
            pairs[2 * i + 1] = "yes";
        }
        return event(pairs);
    }

    private static boolean fires(String condition, String... holding) throws RuleException {
        return ConditionEvaluator.matches(rule(condition), holding(holding));
    }

    private static String refusal(String condition) {
        return assertThrows(RuleException.class, () -> rule(condition)).getMessage();
    }

    @Test
    void orBindsLoosestThenAndThenNot() throws RuleException {
        assertTrue(fires("sel_a or sel_b and c", "A"));
        assertEquals(false, fires("sel_a or sel_b and c", "B"));
        assertTrue(fires("sel_a or sel_b and c", "B", "C"));
        assertTrue(fires("not sel_a and sel_b", "B"));
        assertEquals(false, fires("not sel_a and sel_b", "A", "B"));
        assertEquals(false, fires("not (sel_a or sel_b)", "B"));
        assertTrue(fires("not not sel_a", "A"));
        assertTrue(fires("(sel_a or sel_b) and c", "B", "C"));
        assertEquals(false, fires("(sel_a or sel_b) and c", "B"));
    }

    @Test
    void operatorsIgnoreCase() throws RuleException {
        assertTrue(fires("sel_a AND NOT sel_b", "A"));
        assertTrue(fires("sel_a Or sel_b", "B"));
        assertTrue(fires("ALL OF sel_*", "A", "B"));
    }

    @Test
    void oneOfAnyOfAllOfPatterns() throws RuleException {
        assertTrue(fires("1 of sel_*", "B"));
        assertTrue(fires("any of sel_*", "A"));
        assertEquals(false, fires("all of sel_*", "A"));
        assertTrue(fires("all of sel_*", "A", "B"));
        assertTrue(fires("1 of sel_* and not 1 of c*", "A"));
        assertEquals(false, fires("1 of sel_* and not 1 of c*", "A", "C"));
        assertTrue(fires("1 of *_b", "B"), "the wildcard may stand anywhere");
    }

    @Test
    void themAndPatternsSkipUnderscoreIdentifiersUnlessThePatternStartsWithOne() throws RuleException {
        assertTrue(fires("all of them", "A", "B", "C"), "_helper is not part of them");
        assertEquals(false, fires("1 of them", "H"));
        assertEquals(false, fires("1 of *", "H"), "'*' does not start with '_'");
        assertTrue(fires("1 of _*", "H"));
        assertTrue(fires("sel_a and _helper", "A", "H"), "an underscore identifier can be named");
    }

    @Test
    void aListOfConditionsIsTheirOr() throws RuleException {
        SigmaRule rule = rule("['sel_a and c', 'sel_b']");
        assertTrue(ConditionEvaluator.matches(rule, holding("B")));
        assertTrue(ConditionEvaluator.matches(rule, holding("A", "C")));
        assertEquals(false, ConditionEvaluator.matches(rule, holding("A")));
    }

    @Test
    void theExplanationListsThePositiveIdentifiersThatHoldInDetectionOrder() throws RuleException {
        SigmaRule rule = rule("c or (sel_b and sel_a) and not _helper");
        Match match = ConditionEvaluator.explain(rule, holding("A", "B", "C"));
        assertEquals(List.of("sel_a", "sel_b", "c"),
                match.selections().stream().map(Match.SelectionHit::selection).toList());
        assertTrue(ConditionEvaluator.explain(rule("sel_a and not sel_b"), holding("A")).selections().stream()
                .noneMatch(s -> s.selection().equals("sel_b")), "negated identifiers never explain a match");
    }

    @Test
    void mistakesAreRefusedWithAReason() {
        assertTrue(refusal("sel_a and missing").contains("'missing'"));
        assertTrue(refusal("1 of nothing_*").contains("matches no search identifier"));
        assertTrue(refusal("(sel_a or sel_b").contains("unbalanced"));
        assertTrue(refusal("sel_a or sel_b)").contains("unexpected ')'"));
        assertTrue(refusal("sel_a and").contains("ends too early"));
        assertTrue(refusal("sel_*").contains("must follow '1 of' or 'all of'"));
        assertTrue(refusal("all sel_*").contains("must be followed by 'of'"));
        assertTrue(refusal("2 of sel_*").contains("unexpected 'of'"));
        assertTrue(refusal("1 of sel").contains("matches no search identifier"));
        assertTrue(refusal("''").contains("empty"));
        assertTrue(refusal("sel_a = 1").contains("unexpected character '='"));
    }

    @Test
    void deprecatedSigmaOneConstructsAreRefusedAsSuch() {
        assertTrue(refusal("sel_a | count() by Computer > 5").startsWith("pipe aggregations"));
        assertTrue(refusal("sel_a near sel_b").startsWith("'near' is deprecated"));
        assertTrue(refusal("'write x from sel_a to list; then if sel_b -> alert'").contains("pseudo-code"));
    }
}
