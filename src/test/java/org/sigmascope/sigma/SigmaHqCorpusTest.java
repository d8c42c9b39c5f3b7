package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleLoader;

/**
 * Loading SigmaHQ's rule trees: every active rule loads; rules-placeholder loads with a placeholders file and is
 * refused, with the reason, without one; every file of deprecated/ and unsupported/ loads or is refused with a
 * specific reason, counted here.
 */
class SigmaHqCorpusTest {
    private static Placeholders placeholders;

    @BeforeAll
    static void readPlaceholders() throws IOException, RuleException {
        placeholders = Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/placeholders.yml"));
    }

    private static RuleSet load(List<Path> trees, Placeholders values) {
        return RuleLoader.load(trees.stream().map(RuleLoader.RuleSource::of).toList(), values);
    }

    private static RuleSet load(String tree, Placeholders values) {
        return load(List.of(Corpus.path("sigma/rules/" + tree)), values);
    }

    /** Failures by reason, with the quoted parts of messages made generic so that reasons can be counted. */
    private static Map<String, Integer> reasons(RuleSet rules) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Diagnostic failure : rules.failures()) {
            String reason = failure.message().replaceAll("'[^']*'", "'…'").replaceAll("%[^%]+%", "%…%")
                    .replaceAll("column \\d+", "column …");
            counts.merge(reason, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void everyActiveRuleLoadsWithThePlaceholdersTheTwoEmergingThreatRulesNeed() {
        RuleSet rules = load(RegressionSamples.activeRuleTrees(), placeholders);
        assertEquals(List.of(), rules.failures());
        assertEquals(3_757, rules.rules().size());
    }

    @Test
    void theActiveRulesRaiseNoWarningsButTwoIdentifierNamesAndFifteenCannotFireOnAnyEventLog() {
        RuleSet rules = load(RegressionSamples.activeRuleTrees(), placeholders);
        assertEquals(2, rules.warnings().size(), rules.warnings().toString());
        assertTrue(rules.warnings().stream().allMatch(w -> w.message().contains("only an 'x of' pattern")));
        List<org.sigmascope.sigma.diagnostics.RuleStatus> unmapped = org.sigmascope.sigma.diagnostics.RuleDiagnostics
                .of(rules, org.sigmascope.sigma.logsource.LogsourceMapping.builtin()).stream()
                .filter(s -> s.state() != org.sigmascope.sigma.diagnostics.RuleStatus.State.LOADED).toList();
        // windows/file_access (13) and windows/file_rename (2): kernel ETW, recorded by no event log channel
        assertEquals(15, unmapped.size());
        assertTrue(unmapped.stream().allMatch(s -> s.reason().contains("category=file_access")
                || s.reason().contains("category=file_rename")), unmapped.toString());
    }

    @Test
    void withoutAPlaceholdersFileEveryActiveRuleLoadsTheTwoExclusionsOnEmptyDefaultsWithAWarning() {
        RuleSet rules = load(RegressionSamples.activeRuleTrees(), Placeholders.NONE.withDefaults());
        assertEquals(List.of(), rules.failures());
        assertEquals(3_757, rules.rules().size());
        List<Diagnostic> defaulted = rules.warnings().stream().filter(w -> w.message().contains("%known_cdcs%")).toList();
        assertEquals(2, defaulted.size(), rules.warnings().toString());
        for (Diagnostic warning : defaulted) {
            assertTrue(warning.file().contains("CVE-2026-54121"), warning.toString());
            assertTrue(warning.message().contains("never applies until a placeholders file"), warning.toString());
        }
    }

    @Test
    void withoutAnyPlaceholdersNotEvenTheDefaultsTheTwoRulesThatUseExpandAreRefused() {
        RuleSet rules = load(RegressionSamples.activeRuleTrees(), Placeholders.NONE);
        assertEquals(3_755, rules.rules().size());
        assertEquals(2, rules.failures().size());
        for (Diagnostic failure : rules.failures()) {
            assertTrue(failure.file().contains("CVE-2026-54121"), failure.toString());
        }
    }

    @Test
    void rulesPlaceholderLoadsWithAPlaceholdersFileAndIsRefusedWithoutOne() {
        RuleSet with = load("rules-placeholder", placeholders);
        assertEquals(List.of(), with.failures());
        assertEquals(23, with.rules().size());
        RuleSet without = load("rules-placeholder", Placeholders.NONE.withDefaults());
        assertEquals(0, without.rules().size());
        assertEquals(Map.of("'…': the placeholder %…% has no value: this rule needs a placeholders file "
                + "(--placeholders FILE) that defines it", 23), reasons(without));
    }

    @Test
    void deprecatedRulesLoadOrAreRefusedWithASpecificReason() {
        RuleSet rules = load("deprecated", Placeholders.NONE);
        assertEquals(168, rules.rules().size());
        assertEquals(Map.of(
                "'…' inside detection is deprecated Sigma 1 syntax and not supported: rewrite the rule as a Sigma "
                        + "correlation rule", 1,
                "'…': the placeholder %…% has no value: this rule needs a placeholders file (--placeholders FILE) "
                        + "that defines it", 3), reasons(rules));
        assertEquals(172, rules.rules().size() + rules.failures().size(), "every file is accounted for");
    }

    @Test
    void unsupportedRulesLoadOrAreRefusedWithASpecificReason() {
        RuleSet rules = load("unsupported", Placeholders.NONE);
        assertEquals(25, rules.rules().size());
        assertEquals(Map.of(
                "'…' inside detection is deprecated Sigma 1 syntax and not supported: rewrite the rule as a Sigma "
                        + "correlation rule", 45,
                "pipe aggregations ('…') are deprecated Sigma 1 syntax and not supported: rewrite the rule as a Sigma "
                        + "correlation rule", 11,
                "Sigma 1 rule collections ('…') are deprecated and not supported: write one rule per document, or a "
                        + "correlation rule for events that belong together", 3,
                "the condition is pseudo-code for a stateful correlation ('…'), not Sigma syntax: rewrite the rule "
                        + "as Sigma correlation rules", 3), reasons(rules));
        assertEquals(87, rules.rules().size() + rules.failures().size(), "every file is accounted for");
    }

    @Test
    void rulesOfOtherProductsLoadAndAreLabelledByProduct() {
        RuleSet rules = load(RegressionSamples.activeRuleTrees(), placeholders);
        Map<String, Integer> byProduct = new TreeMap<>();
        rules.rules().forEach(r -> byProduct.merge(r.info().product(), 1, Integer::sum));
        assertTrue(byProduct.get("linux") > 200, byProduct.toString());
        assertTrue(byProduct.get("aws") > 50, byProduct.toString());
        assertTrue(byProduct.get("azure") > 100, byProduct.toString());
        assertTrue(byProduct.get("windows") > 2_800, byProduct.toString());
        assertTrue(byProduct.get("") > 100, "proxy, webserver and other product-less rules: " + byProduct);
    }
}
