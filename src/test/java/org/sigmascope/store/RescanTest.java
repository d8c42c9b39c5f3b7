package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.scan.CaseRescan;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Re-scanning a case after its rules change: from the stored events, without the evidence; only the changed
 * rules are matched and only their detections replaced; removed rules lose theirs; a re-scan cut short is
 * finished by the next.
 */
class RescanTest {
    private static final String WMI = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";
    private static final String SVCHOST = "11111111-2222-4333-8444-555555555555";
    private static final String NOTEPAD = "66666666-7777-4888-9999-000000000000";

    @TempDir
    Path dir;

    private CaseRules rules(String... files) throws IOException {
        Path folder = Files.createTempDirectory(dir, "rules");
        for (int i = 0; i < files.length; i++) {
            Files.writeString(folder.resolve("rule" + i + ".yml"), files[i]);
        }
        RuleSet set = RuleLoader.load(List.of(RuleLoader.RuleSource.of(folder)));
        assertTrue(set.failures().isEmpty(), set.failures().toString());
        return CaseRules.reference(set, LogsourceMapping.builtin());
    }

    private static String wmi(String level) throws IOException {
        return Files.readString(Path.of("rules/windows/proc_creation_win_wmi_persistence_script_event_consumer.yml"))
                .replace("level: medium", "level: " + level);
    }

    private static String rule(String id, String title, String imageEnd) {
        return """
                title: %s
                id: %s
                status: test
                author: Sigmascope tests
                logsource:
                    product: windows
                    category: process_creation
                detection:
                    selection:
                        Image|endswith: '%s'
                    condition: selection
                level: low
                """.formatted(title, id, imageEnd);
    }

    /** Each detection's event and the time of the scan that made it. */
    private static List<String> madeBy(CaseStore store, String ruleId) throws IOException {
        return store.db().list("SELECT event_id, scanned_at FROM detections WHERE rule_id = ? ORDER BY event_id",
                List.of(ruleId), r -> r.getLong(1) + "@" + r.getString(2));
    }

    private static long detections(CaseStore store, String ruleId) throws IOException {
        return store.db().number("SELECT count(*) FROM detections WHERE rule_id = ?", ruleId);
    }

    @Test
    void onlyChangedRulesAreMatchedAgainAndReplaced() throws Exception {
        CaseRules first = rules(wmi("medium"), rule(SVCHOST, "svchost started", "\\svchost.exe"));
        try (CaseStore store = CaseStore.open(dir.resolve("case.duckdb"))) {
            CaseScan.run(store, List.of(TestCases.SAMPLES), first, CaseScan.Options.defaults(), Progress.NONE,
                    Cancellation.NEVER, new CaseScan.Observer() { });
            assertEquals(2, detections(store, WMI));
            long svchost = detections(store, SVCHOST);
            assertTrue(svchost > 0);
            List<String> unchanged = madeBy(store, SVCHOST);
            assertEquals(first.hashes(), store.rules().hashes());

            // The WMI rule changes level, a rule is added, the svchost rule stays as it was.
            CaseRules second = rules(wmi("high"), rule(SVCHOST, "svchost started", "\\svchost.exe"),
                    rule(NOTEPAD, "notepad started", "\\notepad.exe"));
            CaseRescan.Summary summary = CaseRescan.run(store, second, CommitPolicy.defaults(), Progress.NONE,
                    Cancellation.NEVER);
            assertEquals(2, summary.changed());
            assertEquals(0, summary.removed());
            assertEquals(15, summary.events());
            assertEquals(2, store.db().number("SELECT count(*) FROM detections WHERE rule_id = ? AND level_rank = 3",
                    WMI), "the WMI rule's detections now say high");
            assertTrue(detections(store, NOTEPAD) > 0, "the new rule fired on the stored events");
            assertEquals(unchanged, madeBy(store, SVCHOST), "the unchanged rule's detections were not touched");
            assertEquals(second.hashes(), store.rules().hashes());
            assertEquals(2, store.timeline().count(store.timeline().filter("level:high")));

            // Nothing changed: nothing is matched.
            CaseRescan.Summary again = CaseRescan.run(store, second, CommitPolicy.defaults(), Progress.NONE,
                    Cancellation.NEVER);
            assertEquals(new CaseRescan.Summary(0, 0, 0, 0), again);

            // Rules removed: their detections go, the rest stay.
            CaseRules third = rules(rule(SVCHOST, "svchost started", "\\svchost.exe"));
            CaseRescan.Summary removal = CaseRescan.run(store, third, CommitPolicy.defaults(), Progress.NONE,
                    Cancellation.NEVER);
            assertEquals(new CaseRescan.Summary(0, 2, 0, 0), removal);
            assertEquals(0, detections(store, WMI));
            assertEquals(0, detections(store, NOTEPAD));
            assertEquals(unchanged, madeBy(store, SVCHOST));
            assertEquals(Map.of(SVCHOST, third.hashes().get(SVCHOST)), store.rules().hashes());
            assertEquals(15, store.eventCount(), "no event was read again or lost");
            List<AuditLog.Entry> rescans = store.audit().entries().stream()
                    .filter(e -> e.action().equals("rescan")).toList();
            assertTrue(rescans.get(rescans.size() - 1).detail().contains(third.setHash()),
                    "the audit log names the rule set by its hash");
        }
    }

    @Test
    void aRescanCutShortIsFinishedByTheNext() throws IOException {
        CaseRules first = rules(wmi("medium"));
        try (CaseStore store = CaseStore.open(dir.resolve("cut.duckdb"))) {
            CaseScan.run(store, List.of(TestCases.SAMPLES), first, CaseScan.Options.defaults(), Progress.NONE,
                    Cancellation.NEVER, new CaseScan.Observer() { });
            CaseRules second = rules(wmi("critical"), rule(NOTEPAD, "notepad started", "\\notepad.exe"));
            Cancellation cancel = new Cancellation();
            assertThrows(CancellationException.class, () -> CaseRescan.run(store, second,
                    new CommitPolicy(1, java.time.Duration.ofSeconds(10)), (done, total, message) -> cancel.cancel(),
                    cancel));
            assertTrue(store.rules().hashes().isEmpty(), "changed rules are recorded only when complete");
            CaseRescan.Summary finished = CaseRescan.run(store, second, CommitPolicy.defaults(), Progress.NONE,
                    Cancellation.NEVER);
            assertEquals(2, finished.changed());
            assertEquals(2, store.db().number("SELECT count(*) FROM detections WHERE rule_id = ? AND level_rank = 4",
                    WMI));
            assertEquals(2, detections(store, WMI), "no detection twice");
            assertEquals(second.hashes(), store.rules().hashes());
        }
    }
}
