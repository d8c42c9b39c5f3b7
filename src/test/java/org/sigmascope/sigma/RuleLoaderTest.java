package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Level;
import org.sigmascope.sigma.load.RuleLoader;

/** Loading rules: what loads, and for what fails, the path and line that say why. */
class RuleLoaderTest {
    @TempDir
    Path dir;

    private RuleSet load(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)));
    }

    @Test
    void theSeedRuleLoadsWithItsAttribution() {
        RuleSet rules = RuleLoader.load(List.of(BuiltinRules.source()));
        assertEquals(List.of(), rules.failures());
        SigmaRule seed = rules.rules().stream().filter(r -> r.id().equals("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e"))
                .findFirst().orElseThrow();
        assertEquals("WMI Persistence - Script Event Consumer", seed.title());
        assertEquals("Thomas Patzke", seed.info().author());
        assertEquals(Level.MEDIUM, seed.info().level());
        assertEquals(List.of("attack.persistence", "attack.privilege-escalation", "attack.t1546.003"), seed.info().tags());
        assertEquals(new Logsource("windows", "process_creation", null), seed.logsource());
        assertTrue(seed.info().path().startsWith("builtin:windows/"), seed.info().path());
    }

    @Test
    void anUnknownModifierIsReportedAtItsLine() throws IOException {
        RuleSet rules = load("bad.yml", """
                title: Bad modifier
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\\\a.exe'
                        CommandLine|nosuchthing: x
                    condition: selection
                """);
        assertEquals(0, rules.rules().size());
        Diagnostic failure = rules.failures().get(0);
        assertEquals(8, failure.line());
        assertTrue(failure.toString().endsWith("bad.yml:8: 'CommandLine|nosuchthing': unknown modifier 'nosuchthing'"),
                failure.toString());
    }

    @Test
    void invalidYamlIsReportedAndLoadingCarriesOn() throws IOException {
        Files.writeString(dir.resolve("a.yml"), "title: [unclosed\n");
        RuleSet rules = load("b.yml", """
                title: Fine
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: x}, condition: selection}
                """);
        assertEquals(1, rules.rules().size());
        assertEquals(1, rules.failures().size());
        assertTrue(rules.failures().get(0).message().startsWith("invalid YAML"), rules.failures().get(0).message());
    }

    @Test
    void aConditionNamingAMissingIdentifierFails() throws IOException {
        RuleSet rules = load("c.yml", """
                title: Missing identifier
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Image: x}
                    condition: selection and not filter
                """);
        assertEquals(5, rules.failures().get(0).line());
        assertTrue(rules.failures().get(0).message().contains("'filter'"));
    }

    @Test
    void allOnASingleValueIsRefused() throws IOException {
        RuleSet rules = load("d.yml", """
                title: All on one
                logsource: {product: windows, category: process_creation}
                detection:
                    selection:
                        CommandLine|contains|all: one
                    condition: selection
                """);
        assertTrue(rules.failures().get(0).message().contains("'all' needs a list"), rules.failures().get(0).message());
    }

    @Test
    void timeframeIsRefusedAsDeprecated() throws IOException {
        RuleSet rules = load("e.yml", """
                title: Old
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Image: x}
                    timeframe: 5m
                    condition: selection
                """);
        assertTrue(rules.failures().get(0).message().contains("deprecated"), rules.failures().get(0).message());
    }

    @Test
    void aDuplicateIdKeepsTheFirstAndReportsTheSecond() throws IOException {
        String rule = """
                title: %s
                id: 11111111-2222-3333-4444-555555555555
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: x}, condition: selection}
                """;
        Files.writeString(dir.resolve("a.yml"), rule.formatted("First"));
        RuleSet rules = load("b.yml", rule.formatted("Second"));
        assertEquals(List.of("First"), rules.rules().stream().map(SigmaRule::title).toList());
        assertEquals(List.of(), rules.failures(), "a duplicate is no failure: overlapping rule sets are common");
        assertTrue(rules.duplicates().get(0).toString().contains("b.yml:1: warning: duplicate rule id "
                + "11111111-2222-3333-4444-555555555555: the document of "), rules.duplicates().toString());
    }

    @Test
    void aYamlBombIsRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        RuleSet rules = load("bomb.yml", bomb.toString());
        assertEquals(0, rules.rules().size());
        assertEquals(1, rules.failures().size());
    }

    @Test
    void aFileMayHoldSeveralDocuments() throws IOException {
        RuleSet rules = load("multi.yml", """
                title: First
                name: first_rule
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: a}, condition: selection}
                ---
                title: Second
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: b}, condition: selection}
                ---
                """);
        assertEquals(List.of("First", "Second"), rules.rules().stream().map(SigmaRule::title).toList());
        assertEquals(6, rules.rules().get(1).line());
        assertEquals("first_rule", rules.find("first_rule").orElseThrow().name());
    }

    @Test
    void metadataIsKeptAndDoubtfulMetadataIsAWarning() throws IOException {
        RuleSet rules = load("meta.yml", """
                title: Meta
                id: not-a-uuid
                status: beta
                level: severe
                date: 2024/13
                tags: [attack.T1059, attack.execution, mitre.t1059]
                related:
                    - {id: 11111111-2222-3333-4444-555555555555, type: derived}
                    - {id: 11111111-2222-3333-4444-555555555556, type: cousin}
                falsepositives: [Admins]
                fields: [CommandLine]
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: a}, condition: selection}
                """);
        assertEquals(1, rules.rules().size(), "doubtful metadata does not stop a rule");
        SigmaRule rule = rules.rules().get(0);
        assertEquals(Level.MEDIUM, rule.info().level());
        assertEquals(List.of("Admins"), rule.metadata().falsepositives());
        assertEquals(List.of("CommandLine"), rule.metadata().fields());
        assertEquals("derived", rule.metadata().related().get(0).type());
        List<String> warnings = rules.warnings().stream().map(d -> d.line() + ": " + d.message()).toList();
        assertEquals(List.of(
                "2: the id 'not-a-uuid' is not a UUID",
                "3: unknown status 'beta' (known: deprecated, experimental, stable, test, unsupported)",
                "4: unknown level 'severe'; the rule is taken as medium",
                "5: 'date' should be a date written YYYY-MM-DD, not '2024/13'",
                "6: the tag 'attack.T1059' is not written namespace.value in lower case",
                "6: the tag 'mitre.t1059' has an unknown namespace (known: attack, car, cve, d3fend, detection, stp, "
                        + "tlp)",
                "7: unknown related type 'cousin' (known: derived, merged, obsolete, renamed, similar)"), warnings);
    }

    @Test
    void aDuplicateNameIsRefused() throws IOException {
        RuleSet rules = load("names.yml", """
                title: One
                name: same
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: a}, condition: selection}
                ---
                title: Two
                name: same
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image: b}, condition: selection}
                """);
        assertEquals(1, rules.rules().size());
        assertTrue(rules.duplicates().get(0).message().startsWith("duplicate rule name same"));
    }

    @Test
    void sigmaOneCollectionsAndCorrelationsAreRefusedWithAReason() throws IOException {
        Files.writeString(dir.resolve("collection.yml"), """
                action: global
                title: Old collection
                detection: {condition: selection}
                ---
                logsource: {product: windows, service: system}
                detection: {selection: {EventID: 7045}}
                """);
        RuleSet rules = load("correlation.yml", """
                title: Many failed logons
                correlation:
                    type: event_count
                    rules: [failed_logon]
                    group-by: [TargetUserName]
                    timespan: 5m
                    condition: {gte: 10}
                """);
        assertEquals(0, rules.rules().size());
        assertEquals(2, rules.failures().size(), "one failure for the whole collection file");
        assertTrue(rules.failures().get(0).toString().contains("collection.yml:1: Sigma 1 rule collections"));
        assertTrue(rules.failures().get(1).message().startsWith("correlation rules are not supported yet"));
    }

    @Test
    void nullInsideAListAndEmptySelectionsAreRefused() throws IOException {
        RuleSet rules = load("values.yml", """
                title: Null in list
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {ParentImage: [null, 'x']}
                    condition: selection
                ---
                title: Empty
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {}
                    condition: selection
                """);
        assertTrue(rules.failures().get(0).message().contains("null cannot stand in a list"));
        assertTrue(rules.failures().get(1).message().contains("empty mapping"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Files.write(dir.resolve("latin1.yml"), "title: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)));
        assertEquals("the file is not valid UTF-8", rules.failures().get(0).message());
    }

    private static final String CDC_RULE = """
            title: Placeholder in %s
            logsource: {product: windows, service: security}
            detection:
                selection: {EventID: 4887}
                filter: {Attributes|contains|expand: '%%known_cdcs%%'}
                condition: %s
            """;

    @Test
    void anEmptyDefaultPlaceholderIsAllowedInAnExclusionWithAWarning() throws IOException {
        RuleSet rules = load("cdc.yml", CDC_RULE.formatted("an exclusion", "selection and not filter"));
        assertEquals(List.of(), rules.failures());
        assertEquals(1, rules.rules().size());
        assertTrue(rules.warnings().stream().anyMatch(w -> w.line() == 5 && w.message().contains("%known_cdcs%")
                && w.message().contains("never applies")), rules.warnings().toString());
        // It matches nothing, so the exclusion never applies and the rule fires.
        org.sigmascope.model.Event event = org.sigmascope.model.EventFactory.fromFields(1,
                org.sigmascope.model.Fields.of(java.util.Map.of("Channel", "Security", "EventID", 4887L,
                        "Attributes", "ccm:DC01.corp.example")), null, 0, false);
        List<org.sigmascope.model.Detection> found = new java.util.ArrayList<>();
        new org.sigmascope.sigma.eval.ReferenceEngine(rules,
                org.sigmascope.sigma.logsource.LogsourceMapping.builtin()).match(event, found::add);
        assertEquals(1, found.size());
    }

    @Test
    void anEmptyDefaultPlaceholderInASelectionIsRefused() throws IOException {
        RuleSet rules = load("cdc.yml", CDC_RULE.formatted("a selection", "selection and filter"));
        assertEquals(0, rules.rules().size());
        assertEquals(5, rules.failures().get(0).line());
        assertTrue(rules.failures().get(0).message().contains("needs a placeholders file"));
    }

    @Test
    void theAnalystsPlaceholderValuesReplaceTheDefaults() throws IOException, org.sigmascope.sigma.load.RuleException {
        Files.writeString(dir.resolve("cdc.yml"), CDC_RULE.formatted("a selection", "selection and filter"));
        Placeholders mine = Placeholders.parse("known_cdcs: [DC01.corp.example]", "mine.yml").withDefaults();
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)), mine);
        assertEquals(List.of(), rules.failures());
        assertEquals(List.of(), rules.warnings());
    }
}
