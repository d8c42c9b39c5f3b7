package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;

/**
 * {@code sigmascope generate} end to end: generated evidence scanned with the built-in rules finds every injected
 * seed scenario and nothing in the background; SigmaHQ's own rules find the techniques they are meant to; usage
 * errors say what is wrong.
 */
class GenerateCommandTest {
    private static final String SEED_RULE = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";
    private static final String SIGMA = "sigma/rules/rules/windows/process_creation/";

    @TempDir
    static Path dir;
    private static Path out;
    private static List<JsonNode> truth;

    @BeforeAll
    static void generate() throws IOException {
        out = dir.resolve("run");
        CliRun run = CliRun.of("generate", "--hosts", "4", "--events", "30000", "--seed", "99", "--format", "jsonl",
                "-o", out.toString(), "--scenarios", "all,wmi-persistence-wmic@3@+5h,wmi-persistence-powershell@4");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("30000 events"), run.err());
        truth = lines(Files.readString(out.resolve("ground-truth.sigmascope.jsonl")));
    }

    @Test
    void builtinRulesFindEverySeedScenarioAndNothingInTheBackground() {
        CliRun scan = CliRun.of("scan", "-f", "jsonl", out.resolve("evidence").toString());
        assertEquals(0, scan.exitCode(), scan.err());
        List<JsonNode> detections = lines(scan.out());
        Map<String, String> injected = injectedEvents();
        Set<String> found = new HashSet<>();
        for (JsonNode d : detections) {
            // No built-in rule fires on background activity; the seed rule's hits name the scenarios found.
            String key = key(d.get("source").asText(), d.get("record_id").asLong());
            String scenario = injected.get(key);
            assertTrue(scenario != null, "a detection on background activity: " + d);
            if (d.get("rule_id").asText().equals(SEED_RULE)) {
                found.add(scenario.substring(0, scenario.indexOf(" ")));
            }
        }
        Set<String> seedScenarios = new HashSet<>();
        truth.stream().filter(t -> t.get("scenario").asText().startsWith("wmi-persistence-"))
                .forEach(t -> seedScenarios.add(t.get("scenario_id").asText()));
        assertEquals(4, seedScenarios.size(), "all, plus the two named: " + seedScenarios);
        assertTrue(found.containsAll(seedScenarios), "every seed scenario is found: " + found + " vs " + seedScenarios);
    }

    @Test
    void sigmaHqRulesFindTheTechniquesTheyAreFor() {
        Map<String, String> expected = Map.of(
                "ca2092a1-c273-4878-9b4b-0d60115bf5ea", "encoded-powershell",
                "92626ddd-662c-49e3-ac59-f6535f12d189", "scheduled-task",
                "85ff530b-261d-48c6-a441-facaa2e81e48", "service-install",
                "646ea171-dded-4578-8a4d-65e9822892e3", "lsass-access",
                "ebef4391-1a81-4761-a40a-1db446c0e625", "wmi-persistence-wmic");
        CliRun scan = CliRun.of("scan", "--no-builtin-rules", "-f", "jsonl",
                "-r", rule("proc_creation_win_powershell_base64_encoded_cmd.yml"),
                "-r", rule("proc_creation_win_schtasks_creation.yml"),
                "-r", rule("proc_creation_win_sc_create_service.yml"),
                "-r", rule("proc_creation_win_rundll32_process_dump_via_comsvcs.yml"),
                "-r", rule("proc_creation_win_wmic_eventconsumer_creation.yml"),
                out.resolve("evidence").toString());
        assertEquals(0, scan.exitCode(), scan.err());
        Map<String, String> injected = injectedEvents();
        Map<String, Set<String>> scenariosByRule = new HashMap<>();
        for (JsonNode d : lines(scan.out())) {
            String scenario = injected.get(key(d.get("source").asText(), d.get("record_id").asLong()));
            assertTrue(scenario != null, "a SigmaHQ detection on background activity: " + d);
            scenariosByRule.computeIfAbsent(d.get("rule_id").asText(), k -> new HashSet<>())
                    .add(scenario.substring(scenario.indexOf(' ') + 1));
        }
        expected.forEach((rule, scenario) -> assertTrue(scenariosByRule.getOrDefault(rule, Set.of()).contains(scenario),
                rule + " should fire on " + scenario + ": " + scenariosByRule));
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        CliRun missing = CliRun.of("generate", "--hosts", "2");
        assertEquals(2, missing.exitCode());
        CliRun format = CliRun.of("generate", "--hosts", "1", "--events", "10", "--seed", "1", "--format", "xml",
                "-o", dir.resolve("x").toString());
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format must be evtx, jsonl or csv"), format.err());
        CliRun scenario = CliRun.of("generate", "--hosts", "1", "--events", "1000", "--seed", "1", "--format", "jsonl",
                "-o", dir.resolve("y").toString(), "--scenarios", "wmi-persistence@1");
        assertEquals(2, scenario.exitCode());
        assertTrue(scenario.err().contains("unknown scenario 'wmi-persistence'"), scenario.err());
        CliRun tooFew = CliRun.of("generate", "--hosts", "1", "--events", "20", "--seed", "1", "--format", "jsonl",
                "-o", dir.resolve("z").toString());
        assertEquals(2, tooFew.exitCode());
        assertTrue(tooFew.err().contains("--events is too small"), tooFew.err());
        CliRun notEmpty = CliRun.of("generate", "--hosts", "1", "--events", "500", "--seed", "1", "--format", "jsonl",
                "-o", out.toString(), "--scenarios", "none");
        assertEquals(1, notEmpty.exitCode());
        assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static String rule(String name) {
        return Corpus.path(SIGMA + name).toString();
    }

    /** "file#record" → "S01 scenario-name", for every injected event. */
    private static Map<String, String> injectedEvents() {
        Map<String, String> injected = new HashMap<>();
        for (JsonNode t : truth) {
            injected.put(key(out.resolve(t.get("file").asText()).toString(), t.get("record_id").asLong()),
                    t.get("scenario_id").asText() + " " + t.get("scenario").asText());
        }
        return injected;
    }

    private static String key(String file, long record) {
        return Path.of(file).toAbsolutePath().normalize() + "#" + record;
    }

    private static List<JsonNode> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JsonCodec.MAPPER.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
