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
        assertTrue(rules.failures().get(0).message().contains("duplicate rule id"));
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
}
