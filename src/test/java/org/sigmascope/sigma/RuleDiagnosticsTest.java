package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sigmascope.sigma.Items.fields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.diagnostics.EvidenceProfile;
import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.diagnostics.RuleStatus;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/** Rule diagnostics: loaded, not loadable and why, cannot fire on this evidence and why. */
class RuleDiagnosticsTest {
    private static final LogsourceMapping MAPPING = LogsourceMapping.builtin();

    @TempDir
    Path dir;

    private RuleSet load(String yaml) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), yaml);
        return RuleLoader.load(List.of(RuleLoader.RuleSource.of(dir)));
    }

    private static EvidenceProfile evidence(List<Map<String, Object>> events) {
        EvidenceProfile profile = new EvidenceProfile();
        events.forEach(e -> profile.record(EventFactory.fromFields(1, Fields.of(e), null, 0, false)));
        return profile;
    }

    private static final Map<String, Object> SECURITY_4688 = fields("Channel", "Security", "EventID", 4688L,
            "NewProcessName", "C:\\Windows\\System32\\certutil.exe", "CommandLine", "certutil -urlcache -f http://x a",
            "ParentProcessName", "C:\\Windows\\System32\\cmd.exe", "SubjectUserName", "bob");

    private static RuleStatus only(List<RuleStatus> statuses, String title) {
        return statuses.stream().filter(s -> title.equals(s.title())).findFirst().orElseThrow();
    }

    @Test
    void aRuleWhoseEverySelectionNeedsOriginalFileNameCannotFireOn4688Evidence() throws IOException {
        RuleSet rules = load("""
                title: Renamed certutil
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {OriginalFileName: CertUtil.exe}
                    filter: {Image|endswith: '\\certutil.exe'}
                    condition: selection and not filter
                ---
                title: Certutil download
                logsource: {product: windows, category: process_creation}
                detection:
                    selection_img:
                        - Image|endswith: '\\certutil.exe'
                        - OriginalFileName: CertUtil.exe
                    selection_cli: {CommandLine|contains: urlcache}
                    condition: all of selection_*
                """);
        List<RuleStatus> statuses = RuleDiagnostics.of(rules, MAPPING, evidence(List.of(SECURITY_4688)));
        RuleStatus renamed = only(statuses, "Renamed certutil");
        assertEquals(RuleStatus.State.CANNOT_FIRE, renamed.state());
        assertEquals(RuleStatus.Cause.MISSING_FIELDS, renamed.cause());
        assertEquals("its events in this evidence (Security 4688) lack what its condition needs: OriginalFileName",
                renamed.reason());
        RuleStatus download = only(statuses, "Certutil download");
        assertEquals(RuleStatus.State.LOADED, download.state(), "the Image alternative works on 4688");
        assertEquals("", download.reason());
        // and the diagnostics agree with the engine
        List<org.sigmascope.model.Detection> found = new java.util.ArrayList<>();
        new ReferenceEngine(rules, MAPPING).match(EventFactory.fromFields(1, Fields.of(SECURITY_4688), null, 0, false),
                found::add);
        assertEquals(List.of("Certutil download"), found.stream().map(d -> d.rule().title()).toList());
    }

    @Test
    void sysmonEvidenceHasTheField() throws IOException {
        RuleSet rules = load("""
                title: Renamed certutil
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {OriginalFileName: CertUtil.exe}
                    condition: selection
                """);
        EvidenceProfile both = evidence(List.of(SECURITY_4688, fields("Channel", "Microsoft-Windows-Sysmon/Operational",
                "EventID", 1L, "Image", "x", "OriginalFileName", "CertUtil.exe")));
        assertEquals(RuleStatus.State.LOADED, RuleDiagnostics.of(rules, MAPPING, both).get(0).state());
    }

    @Test
    void noEventsOfTheLogsource() throws IOException {
        RuleSet rules = load("""
                title: Script block
                logsource: {product: windows, category: ps_script}
                detection:
                    selection: {ScriptBlockText|contains: 'Invoke-Mimikatz'}
                    condition: selection
                """);
        RuleStatus status = RuleDiagnostics.of(rules, MAPPING, evidence(List.of(SECURITY_4688))).get(0);
        assertEquals(RuleStatus.Cause.NO_EVENTS, status.cause());
        assertEquals("the evidence has no events of its logsource product=windows, category=ps_script "
                + "(Microsoft-Windows-PowerShell/Operational or PowerShellCore/Operational 4104)", status.reason());
    }

    @Test
    void anEventIdTheEvidenceLacks() throws IOException {
        RuleSet rules = load("""
                title: Logon
                logsource: {product: windows, service: security}
                detection:
                    selection: {EventID: 4624, LogonType: 10}
                    condition: selection
                """);
        RuleStatus status = RuleDiagnostics.of(rules, MAPPING, evidence(List.of(SECURITY_4688))).get(0);
        assertEquals(RuleStatus.Cause.MISSING_FIELDS, status.cause());
        assertEquals("its events in this evidence (Security 4688) lack what its condition needs: EventID 4624, "
                + "LogonType", status.reason());
    }

    @Test
    void exclusionsNullTestsAndNeqNeedNoField() throws IOException {
        RuleSet rules = load("""
                title: Exclusion on a missing field
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Image|endswith: '\\certutil.exe'}
                    filter: {OriginalFileName: CertUtil.exe}
                    condition: selection and not filter
                ---
                title: Null test
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {ParentCommandLine: null}
                    condition: selection
                ---
                title: Neq
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Hashes|neq: 'x'}
                    condition: selection
                ---
                title: Not exists
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Hashes|exists: false}
                    condition: selection
                """);
        for (RuleStatus status : RuleDiagnostics.of(rules, MAPPING, evidence(List.of(SECURITY_4688)))) {
            assertEquals(RuleStatus.State.LOADED, status.state(), status.title() + ": " + status.reason());
        }
    }

    @Test
    void withoutEvidenceOnlyUnmappedLogsourcesAndLoadFailuresAreReported() throws IOException {
        RuleSet rules = load("""
                title: File access
                logsource: {product: windows, category: file_access}
                detection:
                    selection: {FileName|endswith: '.kdbx'}
                    condition: selection
                ---
                title: Broken
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {Image|nosuch: x}
                    condition: selection
                ---
                title: Fine
                logsource: {product: linux, category: process_creation}
                detection:
                    selection: {Image|endswith: '/nc'}
                    condition: selection
                """);
        List<RuleStatus> statuses = RuleDiagnostics.of(rules, MAPPING);
        assertEquals(3, statuses.size());
        RuleStatus fileAccess = only(statuses, "File access");
        assertEquals(RuleStatus.Cause.UNMAPPED_LOGSOURCE, fileAccess.cause());
        assertTrue(fileAccess.reason().contains("has no events for the logsource product=windows, "
                + "category=file_access"), fileAccess.reason());
        RuleStatus broken = statuses.stream().filter(s -> s.state() == RuleStatus.State.NOT_LOADABLE).findFirst()
                .orElseThrow();
        assertEquals(10, broken.line());
        assertEquals("'Image|nosuch': unknown modifier 'nosuch'", broken.reason());
        RuleStatus fine = only(statuses, "Fine");
        assertEquals(RuleStatus.State.LOADED, fine.state());
        assertEquals("linux", fine.product());
    }

    @Test
    void regularExpressionsThatGaveUpAreReported() throws IOException {
        RuleSet rules = load("""
                title: Slow pattern
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {CommandLine|re: '(.*a){25}b'}
                    condition: selection
                """);
        new ReferenceEngine(rules, MAPPING).match(EventFactory.fromFields(1, Fields.of(fields("Channel",
                "Microsoft-Windows-Sysmon/Operational", "EventID", 1L, "CommandLine", "a".repeat(40))), null, 0, false),
                d -> { });
        RuleStatus status = RuleDiagnostics.of(rules, MAPPING).get(0);
        assertTrue(status.warnings().get(0).contains("gave up on 1 long event values"), status.warnings().toString());
    }
}
