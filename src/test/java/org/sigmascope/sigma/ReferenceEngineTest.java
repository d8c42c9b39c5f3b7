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
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/** The reference evaluator on hand-made events: logsource, field mapping for 4688, explanations. */
class ReferenceEngineTest {
    @TempDir
    Path dir;

    private List<Detection> match(String rule, Map<String, Object> fields) throws IOException {
        Files.writeString(dir.resolve("rule.yml"), rule);
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)));
        assertEquals(List.of(), rules.failures());
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        Event event = EventFactory.fromFields(1, Fields.of(fields), null, 0, false);
        List<Detection> found = new ArrayList<>();
        engine.match(event, found::add);
        return found;
    }

    private static final String RULE = """
            title: Encoded PowerShell
            logsource: {product: windows, category: process_creation}
            detection:
                selection_img:
                    Image|endswith: '\\powershell.exe'
                selection_cli:
                    CommandLine|contains|all: [' -enc', 'AAAA']
                filter_parent:
                    ParentImage|startswith: 'C:\\Program Files\\Trusted\\'
                condition: all of selection_* and not filter_parent
            """;

    @Test
    void sysmonProcessCreationMatchesWithAnExplanation() throws IOException {
        List<Detection> found = match(RULE, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "CommandLine", "powershell -Enc AAAAbbbb", "ParentImage", "C:\\Windows\\explorer.exe"));
        assertEquals(1, found.size());
        Match match = found.get(0).match();
        assertEquals(List.of("selection_img", "selection_cli"),
                match.selections().stream().map(Match.SelectionHit::selection).toList());
        Match.FieldHit cli = match.selections().get(1).fields().get(0);
        assertEquals("CommandLine", cli.field());
        assertEquals(List.of("contains", "all"), cli.modifiers());
        assertEquals(" -Enc", cli.matchedPart());
        assertEquals("AAAA", match.selections().get(1).fields().get(1).matchedPart());
    }

    @Test
    void theFilterExcludes() throws IOException {
        assertEquals(0, match(RULE, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "C:\\x\\powershell.exe", "CommandLine", "powershell -enc AAAA",
                "ParentImage", "C:\\Program Files\\Trusted\\agent.exe")).size());
    }

    @Test
    void security4688IsReadThroughTheFieldMapping() throws IOException {
        List<Detection> found = match(RULE, Map.of("Channel", "Security", "EventID", 4688L,
                "NewProcessName", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                "CommandLine", "powershell -enc AAAA", "ParentProcessName", "C:\\Windows\\explorer.exe"));
        assertEquals(1, found.size());
        assertEquals("Image", found.get(0).match().selections().get(0).fields().get(0).field());
    }

    @Test
    void otherLogsourcesAreNotSeen() throws IOException {
        assertEquals(0, match(RULE, Map.of("Channel", "Security", "EventID", 4624L,
                "Image", "C:\\x\\powershell.exe", "CommandLine", "powershell -enc AAAA")).size());
        assertEquals(0, match(RULE, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 3L,
                "Image", "C:\\x\\powershell.exe", "CommandLine", "powershell -enc AAAA")).size());
    }

    @Test
    void mappedHexProcessIdsBecomeNumbers() throws IOException {
        String rule = """
                title: Pid
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {ProcessId: 6744, ParentProcessId: 1104, IntegrityLevel: System, User: 'CORP\\bob'}
                    condition: selection
                """;
        assertEquals(1, match(rule, Map.of("Channel", "Security", "EventID", 4688L, "NewProcessId", "0x1a58",
                "ProcessId", "0x450", "MandatoryLabel", "S-1-16-16384", "SubjectDomainName", "CORP",
                "SubjectUserName", "bob")).size());
    }

    @Test
    void nullMeansAbsentOrNullAndEmptyMeansEmpty() throws IOException {
        String rule = """
                title: Null and empty
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Image: 'x', ParentImage: null}
                    empty: {CommandLine: ''}
                    condition: selection and empty
                """;
        Map<String, Object> absent = new java.util.HashMap<>(Map.of("Channel", "Microsoft-Windows-Sysmon/Operational",
                "EventID", 1L, "Image", "x", "CommandLine", ""));
        assertEquals(1, match(rule, absent).size());
        Map<String, Object> nullValue = new java.util.HashMap<>(absent);
        nullValue.put("ParentImage", null);
        assertEquals(1, match(rule, nullValue).size());
        Map<String, Object> present = new java.util.HashMap<>(absent);
        present.put("ParentImage", "y");
        assertEquals(0, match(rule, present).size());
        Map<String, Object> noCommandLine = new java.util.HashMap<>(absent);
        noCommandLine.remove("CommandLine");
        assertTrue(match(rule, noCommandLine).isEmpty(), "'' must not match an absent field");
    }

    @Test
    void keywordsSearchEveryField() throws IOException {
        String rule = """
                title: Keywords
                logsource: {product: windows, category: process_creation}
                detection:
                    keywords:
                        - 'mimikatz'
                        - 'sekurlsa'
                    condition: keywords
                """;
        List<Detection> found = match(rule, Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "CommandLine", "x.exe privilege::debug SEKURLSA::logonpasswords"));
        assertEquals(1, found.size());
        assertEquals("SEKURLSA", found.get(0).match().selections().get(0).fields().get(0).matchedPart());
    }
}
