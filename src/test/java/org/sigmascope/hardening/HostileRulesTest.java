package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/**
 * Rules from the internet, written to hurt: each is refused with a message that says where and why, or loads and
 * runs within a bound (the bounds measured are in docs/reliability.md). The time limits here are generous, for a
 * loaded machine; they catch a hang, not a slowdown.
 */
class HostileRulesTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RuleSet load(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return assertTimeoutPreemptively(BOUND, () -> RuleLoader.load(List.of(RuleLoader.RuleSource.of(file))));
    }

    private static void assertRefused(RuleSet rules, String why) {
        assertEquals(0, rules.rules().size());
        assertEquals(1, rules.failures().size(), rules.failures().toString());
        String failure = rules.failures().get(0).toString();
        assertTrue(failure.toLowerCase(java.util.Locale.ROOT).contains(why.toLowerCase(java.util.Locale.ROOT)),
                failure);
        assertTrue(rules.failures().get(0).line() >= 1, "no line: " + failure);
    }

    private static String rule(String detection) {
        return """
                title: Hostile
                id: 0badc0de-0000-4000-8000-00000000b0b0
                logsource:
                  category: process_creation
                  product: windows
                detection:
                """ + detection + "level: high\n";
    }

    @Test
    void aliasesOfAliasesAreRefusedBeforeTheyExpand() throws IOException {
        // 48 aliases, under SnakeYAML's limit of 50, expanding to 3^17 = 129 million values.
        StringBuilder yaml = new StringBuilder("  l0: &l0 [x, x, x]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("  l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        yaml.append("  selection:\n    Image: x\n  condition: selection\n");
        assertRefused(load("bomb.yml", rule(yaml.toString())), "YAML bomb");
    }

    @Test
    void theClassicBillionLaughsIsRefusedForItsAliases() throws IOException {
        StringBuilder yaml = new StringBuilder("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "*a" + (i - 1);
            yaml.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(n -> prev).collect(Collectors.joining(", "))).append("]\n");
        }
        yaml.append("  selection:\n    Image: x\n  condition: selection\n");
        assertRefused(load("laughs.yml", rule(yaml.toString())), "aliases");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertRefused(load("deep.yml", rule("  selection:\n    Image: " + deep + "\n  condition: selection\n")),
                "nesting");
    }

    @Test
    void aFileOverFourMebibytesIsRefusedUnread() throws IOException {
        String padding = "# " + "x".repeat(1_000) + "\n";
        assertRefused(load("huge.yml", rule("  selection:\n    Image: x\n  condition: selection\n")
                + padding.repeat(5_000)), "larger than 4 MiB");
    }

    @Test
    void aDeeplyNestedConditionIsRefusedNotAStackOverflow() throws IOException {
        for (String condition : List.of("(".repeat(50_000) + "selection" + ")".repeat(50_000),
                "not ".repeat(50_000) + "selection", "selection and ".repeat(50_000) + "selection")) {
            RuleSet rules = load("condition.yml", rule("  selection:\n    Image: x\n  condition: " + condition + "\n"));
            if (condition.startsWith("selection and")) {
                assertEquals(1, rules.rules().size(), "a long flat condition is fine");
            } else {
                assertRefused(rules, "deeper than 200 levels");
            }
        }
    }

    @Test
    void catastrophicBacktrackingGivesUpWithinItsBudget() throws IOException {
        RuleSet rules = load("redos.yml", rule("""
                  selection:
                    CommandLine|re: '^(a+)+$'
                  nested:
                    Image|re: '(x+x+)+y'
                  condition: selection or nested
                """));
        assertEquals(1, rules.rules().size(), rules.failures().toString());
        Event event = event("a".repeat(30_000) + "!", "x".repeat(30_000));
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        List<Detection> found = new ArrayList<>();
        assertTimeoutPreemptively(BOUND, () -> engine.match(event, found::add));
        assertEquals(List.of(), found);
    }

    @Test
    void aHundredThousandValuesLoadAndMatch() throws IOException {
        String values = IntStream.range(0, 100_000).mapToObj(i -> "      - '\\value" + i + ".exe'")
                .collect(Collectors.joining("\n"));
        RuleSet rules = load("list.yml", rule("  selection:\n    Image|endswith:\n" + values
                + "\n  condition: selection\n"));
        assertEquals(1, rules.rules().size(), rules.failures().toString());
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        List<Detection> found = new ArrayList<>();
        assertTimeoutPreemptively(BOUND, () -> {
            engine.match(event("x", "C:\\Temp\\value99999.exe"), found::add);
            engine.match(event("x", "C:\\Temp\\other.exe"), found::add);
        });
        assertEquals(1, found.size());
    }

    /** A Sysmon process start with this command line and image, read as the JSON reader reads evidence. */
    private Event event(String commandLine, String image) throws IOException {
        Path file = dir.resolve("event.jsonl");
        Files.writeString(file, "{\"Event\": {\"System\": {\"Provider\": {\"#attributes\": {\"Name\": "
                + "\"Microsoft-Windows-Sysmon\"}}, \"EventID\": 1, \"Channel\": \"Microsoft-Windows-Sysmon/Operational\","
                + " \"Computer\": \"WS01\", \"TimeCreated\": {\"#attributes\": {\"SystemTime\": "
                + "\"2024-05-02T10:15:00Z\"}}, \"EventRecordID\": 1}, \"EventData\": {\"CommandLine\": \""
                + commandLine.replace("\\", "\\\\") + "\", \"Image\": \"" + image.replace("\\", "\\\\") + "\"}}}\n");
        List<Event> events = new ArrayList<>();
        new JsonEvidenceReader().read(ReadRequest.of(new Source(1, file, "event.jsonl", "json"),
                ReadOptions.defaults()), events::add);
        assertEquals(1, events.size());
        return events.get(0);
    }
}
