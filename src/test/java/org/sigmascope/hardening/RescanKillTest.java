package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.scan.CaseRescan;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.store.TestCases;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * A re-scan after a rule change, killed (SIGKILL) half-way in another JVM: the reopened case has all its events and
 * the old rules' detections untouched, does not count the new rule as scanned, and the next re-scan completes it
 * to exactly one detection per matching event — none lost, none twice.
 */
class RescanKillTest {
    private static final int COPIES = 4_000;
    private static final String NEW_RULE_ID = "5b0c5fd0-2f0e-4c4d-9a55-7f0a1c1b0014";

    @TempDir
    Path dir;

    /** The built-in rules and one more that fires on every process start with an .exe image. */
    static CaseRules rules(Path rule) {
        return CaseRules.reference(RuleLoader.load(List.of(BuiltinRules.source(), RuleLoader.RuleSource.of(rule))),
                LogsourceMapping.builtin());
    }

    @Test
    void aKilledRescanIsCompletedByTheNext() throws Exception {
        Path rule = dir.resolve("new-rule.yml");
        Files.writeString(rule, """
                title: Any executable started
                id: %s
                status: test
                logsource:
                  category: process_creation
                  product: windows
                detection:
                  selection:
                    Image|endswith: '.exe'
                  condition: selection
                level: low
                """.formatted(NEW_RULE_ID));
        long perCopy = matchesInOneCopy(rule);
        assertTrue(perCopy > 0);
        Path caseFile = dir.resolve("case.duckdb");
        Path evidence = HostileFiles.story(dir.resolve("story.jsonl"), COPIES);
        try (CaseStore store = TestCases.imported(caseFile, evidence)) {
            assertEquals((long) COPIES * HostileFiles.STORY_DETECTIONS, store.detectionCount());
        }

        Path log = dir.resolve("rescan.log");
        Process child = Jvm.start("256m", log, RescanChild.class.getName(), caseFile.toString(), rule.toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (child.isAlive() && System.nanoTime() < deadline
                && Files.readAllLines(log).stream().filter(l -> l.startsWith("rescanned ")).count() < 2) {
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<String> output = Files.readAllLines(log);
        assertFalse(output.contains("done"), "the re-scan ended before it was killed: " + output);

        try (CaseStore store = CaseStore.open(caseFile)) {
            assertEquals((long) COPIES * HostileFiles.STORY_EVENTS, store.eventCount());
            assertFalse(store.rules().hashes().containsKey(NEW_RULE_ID), "a half re-scan was recorded as done");
            assertEquals((long) COPIES * HostileFiles.STORY_DETECTIONS, store.db().number(
                    "SELECT count(*) FROM detections WHERE rule_id <> ?", NEW_RULE_ID), "old detections touched");
            long partial = store.db().number("SELECT count(*) FROM detections WHERE rule_id = ?", NEW_RULE_ID);
            assertTrue(partial < COPIES * perCopy, "killed before any or after all: " + partial);

            CaseRescan.run(store, rules(rule), CommitPolicy.defaults(), Progress.NONE, Cancellation.NEVER);
            assertTrue(store.rules().hashes().containsKey(NEW_RULE_ID));
            assertEquals(COPIES * perCopy, store.db().number("SELECT count(*) FROM detections WHERE rule_id = ?",
                    NEW_RULE_ID));
            assertEquals(0, store.db().number("SELECT count(*) FROM (SELECT event_id, rule_id FROM detections "
                    + "GROUP BY ALL HAVING count(*) > 1)"), "an event detected twice by a rule");
            assertEquals((long) COPIES * HostileFiles.STORY_DETECTIONS, store.db().number(
                    "SELECT count(*) FROM detections WHERE rule_id <> ?", NEW_RULE_ID));
        }
    }

    /** How many events of one copy of the story the new rule matches, by the engine itself. */
    private static long matchesInOneCopy(Path rule) throws IOException {
        List<Event> events = new ArrayList<>();
        new JsonEvidenceReader().read(ReadRequest.of(new Source(1, HostileFiles.STORY, "story", "json"),
                ReadOptions.defaults()), events::add);
        CaseRules rules = rules(rule);
        long[] count = {0};
        for (Event event : events) {
            rules.engine().match(event, d -> count[0] += d.rule().id().equals(NEW_RULE_ID) ? 1 : 0);
        }
        return count[0];
    }
}
