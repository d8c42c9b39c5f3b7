package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Detection;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/** Meta filters with pySigma's semantics: the rule's condition becomes (rule) and (filter condition). */
class FilterTest {
    private static final String RULES = """
            title: Whoami
            id: 0b7b5f9e-0000-4000-8000-000000000001
            name: whoami_execution
            logsource: {product: windows, category: process_creation}
            detection:
                selection: {Image|endswith: '\\whoami.exe'}
                condition: selection
            ---
            title: Net user
            id: 0b7b5f9e-0000-4000-8000-000000000002
            logsource: {product: windows, category: process_creation}
            detection:
                selection: {Image|endswith: '\\net.exe'}
                condition: selection
            ---
            title: Service installed
            id: 0b7b5f9e-0000-4000-8000-000000000003
            logsource: {product: windows, service: system}
            detection:
                selection: {EventID: 7045}
                condition: selection
            """;

    @TempDir
    Path dir;

    private RuleSet load(String filters) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Files.writeString(dir.resolve("zz-filters.yml"), filters);
        return RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)));
    }

    private static List<Detection> scan(RuleSet rules, Map<String, Object> fields) {
        List<Detection> found = new ArrayList<>();
        new ReferenceEngine(rules, LogsourceMapping.builtin()).match(
                EventFactory.fromFields(1, Fields.of(fields), null, 0, false), found::add);
        return found;
    }

    private static Map<String, Object> process(String image, String user) {
        return Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L, "Image", image, "User", user);
    }

    @Test
    void aFilterNamingRulesByIdOrNameExcludesWhatItSelects() throws IOException {
        RuleSet rules = load("""
                title: Admins run whoami and net
                logsource: {product: windows, category: process_creation}
                filter:
                    rules:
                        - whoami_execution
                        - 0b7b5f9e-0000-4000-8000-000000000002
                    admins:
                        User|startswith: 'CORP\\adm-'
                    condition: not admins
                """);
        assertEquals(List.of(), rules.failures());
        assertEquals(1, rules.filters().size());
        assertEquals(0, scan(rules, process("C:\\Windows\\System32\\whoami.exe", "CORP\\adm-bob")).size());
        assertEquals(0, scan(rules, process("C:\\Windows\\System32\\net.exe", "CORP\\adm-bob")).size());
        assertEquals(1, scan(rules, process("C:\\Windows\\System32\\whoami.exe", "CORP\\alice")).size());
        SigmaRule whoami = rules.find("whoami_execution").orElseThrow();
        assertEquals(1, whoami.filters().size());
        assertTrue(whoami.filters().get(0).endsWith("(Admins run whoami and net)"), whoami.filters().toString());
    }

    @Test
    void rulesAnyAppliesToEveryRuleWhoseLogsourceFitsTheFilters() throws IOException {
        RuleSet rules = load("""
                title: Quiet host
                logsource: {product: windows}
                filter:
                    rules: any
                    quiet_host:
                        Computer: 'BUILD01'
                    condition: not quiet_host
                """);
        assertEquals(0, scan(rules, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\x\\whoami.exe", "Computer", "BUILD01")).size());
        assertEquals(0, scan(rules, Map.of("Channel", "System", "EventID", 7045L, "Computer", "BUILD01")).size(),
                "a filter with only a product fits rules of any category or service of that product");
        assertEquals(1, scan(rules, Map.of("Channel", "System", "EventID", 7045L, "Computer", "WS01")).size());
    }

    @Test
    void aFilterOfAnotherLogsourceDoesNotApply() throws IOException {
        RuleSet rules = load("""
                title: Only services
                logsource: {product: windows, service: system}
                filter:
                    rules: any
                    build: {Computer: 'BUILD01'}
                    condition: not build
                """);
        assertEquals(1, scan(rules, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\x\\whoami.exe", "Computer", "BUILD01")).size());
        assertEquals(0, scan(rules, Map.of("Channel", "System", "EventID", 7045L, "Computer", "BUILD01")).size());
    }

    @Test
    void aPositiveFilterNarrowsTheRuleAndExplainsUnderItsOwnName() throws IOException {
        RuleSet rules = load("""
                title: Only on servers
                id: 6d1f2f7c-0000-4000-8000-00000000000f
                logsource: {product: windows, category: process_creation}
                filter:
                    rules: whoami_execution
                    servers: {Computer|startswith: 'SRV'}
                    condition: servers
                """);
        Map<String, Object> onServer = Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\x\\whoami.exe", "Computer", "SRV01");
        List<Detection> found = scan(rules, onServer);
        assertEquals(1, found.size());
        assertEquals(List.of("selection", "6d1f2f7c-0000-4000-8000-00000000000f/servers"),
                found.get(0).match().selections().stream().map(Match.SelectionHit::selection).toList());
        assertEquals(0, scan(rules, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\x\\whoami.exe", "Computer", "WS01")).size());
    }

    @Test
    void aFilterNamingARuleThatIsNotLoadedIsAWarning() throws IOException {
        RuleSet rules = load("""
                title: Stale
                logsource: {product: windows}
                filter:
                    rules: [no_such_rule]
                    x: {Computer: 'A'}
                    condition: not x
                """);
        assertEquals(List.of(), rules.failures());
        assertTrue(rules.warnings().get(0).message().contains("names the rule no_such_rule, which is not loaded"));
    }

    @Test
    void malformedFiltersAreRefusedWithTheirLine() throws IOException {
        RuleSet rules = load("""
                title: No condition
                logsource: {product: windows}
                filter:
                    rules: any
                    x: {Computer: 'A'}
                ---
                title: No rules
                logsource: {product: windows}
                filter:
                    x: {Computer: 'A'}
                    condition: not x
                ---
                title: Two conditions
                logsource: {product: windows}
                filter:
                    rules: any
                    x: {Computer: 'A'}
                    condition: [not x, x]
                """);
        assertEquals(3, rules.failures().size());
        assertTrue(rules.failures().get(0).message().contains("exactly one 'condition'"));
        assertTrue(rules.failures().get(1).message().contains("needs 'rules'"));
        assertEquals(9, rules.failures().get(1).line(), "the line of its filter");
        assertTrue(rules.failures().get(2).message().contains("exactly one 'condition'"));
        assertEquals(3, rules.rules().size(), "the rules still load");
    }
}
