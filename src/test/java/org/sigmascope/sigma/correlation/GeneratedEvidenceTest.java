package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.scan.CaseRescan;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The built-in WMI persistence correlation on evidence from {@code sigmascope generate}, against its ground truth:
 * every injected story is found, on hosts with Sysmon, with Security 4688 only, and with both; no decoy (the same
 * events in the wrong order, or too far apart, on the same hosts) is. A case built from the same evidence (in
 * several imports, files in another order) and re-scanned gives the same hits as the scan.
 */
class GeneratedEvidenceTest {
    private static final String CORRELATION = "3dfb0c8c-0103-4152-a554-27ef96a52bcd";
    /** WS01 Sysmon and 4688, WS02 4688 only, WS03 Sysmon and 4688 without command lines, WS04 Sysmon only. */
    private static final String SCENARIOS = String.join(",",
            "wmi-persistence-wmic@1@+2h", "decoy-wmi-reversed@1@+6h",
            "wmi-persistence-powershell@2@+3h", "decoy-wmi-reversed@2@+8h",
            "decoy-wmi-far-apart@3@+1h", "wmi-persistence-powershell@3@+12h",
            "wmi-persistence-wmic@4@+4h", "decoy-wmi-far-apart@4@+10h",
            "lsass-access@1", "scheduled-task@2");

    @TempDir
    static Path dir;

    private static Path evidence;
    /** Ground truth: "file#record" → scenario id and whether it is a decoy. */
    private static final Map<String, String> TRUTH = new HashMap<>();
    private static final Map<String, Boolean> DECOY = new TreeMap<>();
    private static final Map<String, String> STORY = new TreeMap<>();
    private static RuleSet rules;

    @BeforeAll
    static void generate() throws IOException {
        Path out = dir.resolve("generated");
        Generator.run(GenerateOptions.of(4, 16_000, 5, OutputFormat.EVTX, out).withScenarios(SCENARIOS).withThreads(2),
                Progress.NONE, Cancellation.NEVER);
        evidence = out.resolve("evidence");
        for (String line : Files.readAllLines(out.resolve("ground-truth.sigmascope.jsonl"))) {
            JsonNode truth = JsonCodec.MAPPER.readTree(line);
            String scenario = truth.get("scenario_id").asText();
            String file = truth.get("file").asText().substring("evidence/".length());
            TRUTH.put(file + "#" + truth.get("record_id").asLong(), scenario);
            DECOY.put(scenario, truth.get("decoy").asBoolean());
            STORY.put(scenario, truth.get("scenario").asText());
        }
        rules = RuleLoader.load(List.of(BuiltinRules.source()));
        assertEquals(List.of(), rules.failures());
    }

    /** The scenarios of the WMI persistence stories that are not decoys. */
    private static Set<String> stories() {
        Set<String> ids = new TreeSet<>();
        STORY.forEach((id, story) -> {
            if (story.startsWith("wmi-persistence") && !DECOY.get(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Each hit of the correlation as the scenarios of its events (by file and record id) and their event ids. */
    private static List<String> judge(List<List<String>> hits) {
        List<String> verdicts = new ArrayList<>();
        for (List<String> events : hits) {
            Set<String> scenarios = new TreeSet<>();
            events.forEach(event -> scenarios.add(TRUTH.getOrDefault(event, "background")));
            verdicts.add(String.join("+", scenarios));
        }
        verdicts.sort(null);
        return verdicts;
    }

    @Test
    void everyStoryIsFoundAndNoDecoy() throws IOException {
        List<List<String>> hits = scanHits();
        assertEquals(List.copyOf(stories()), judge(hits), "one hit per story, each of its events only");
        for (List<String> events : hits) {
            assertTrue(events.stream().anyMatch(e -> e.contains("Sysmon") || e.contains("WMI-Activity")),
                    "the registration is in the hit: " + events);
            assertTrue(events.stream().anyMatch(e -> e.contains("Security") || e.contains("Sysmon")),
                    "the scrcons.exe start is in the hit: " + events);
        }
        assertEquals(4, stories().size());
        assertEquals(4, DECOY.values().stream().filter(d -> d).count(), "four decoys were injected");
    }

    private static List<List<String>> scanHits() throws IOException {
        Map<Integer, String> files = new HashMap<>();
        Map<Long, String> recordOf = new HashMap<>();
        List<Detection> hits = new ArrayList<>();
        Scanner.scan(new ScanRequest(List.of(evidence), new ReferenceEngine(rules, LogsourceMapping.builtin()),
                ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1)
                .withCorrelations(CorrelationPlan.of(rules, LogsourceMapping.builtin())), new ScanListener() {
                    @Override
                    public void sourceStarted(Source source) {
                        files.put(source.id(), evidence.relativize(source.path()).toString().replace('\\', '/'));
                    }

                    @Override
                    public boolean wantsEvents() {
                        return true;
                    }

                    @Override
                    public void event(Event event) {
                        recordOf.put(event.id(), files.get(event.sourceId()) + "#" + event.recordId());
                    }

                    @Override
                    public void detection(Detection detection) {
                        assertFalse(detection.rule().id().equals("2b3d63a2-e213-4110-9fc0-544203b1759a")
                                || detection.rule().id().equals("28280026-ce7e-4416-b928-1dd40fa93fb7"),
                                "the correlation's base rules do not report alone");
                        if (detection.rule().id().equals(CORRELATION)) {
                            hits.add(detection);
                        }
                    }
                }, Progress.NONE, Cancellation.NEVER);
        List<List<String>> found = new ArrayList<>();
        hits.forEach(hit -> found.add(hit.correlation().eventIds().stream().map(recordOf::get).toList()));
        return found;
    }

    /**
     * A case made of the same evidence in three imports, files in reverse order (the Security logs, which hold the
     * 4688 process starts, before the Sysmon and WMI logs that hold the registrations), has the hits of the scan;
     * so does a re-scan after the correlation changed.
     */
    @Test
    void aCaseImportedPieceByPieceAndReScannedHasTheSameHits() throws IOException {
        List<List<String>> expected = scanHits();
        CaseRules caseRules = CaseRules.reference(rules, LogsourceMapping.builtin());
        Path file = dir.resolve("case.duckdb");
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(evidence)) {
            walk.filter(Files::isRegularFile).sorted(java.util.Comparator.reverseOrder()).forEach(files::add);
        }
        try (CaseStore store = CaseStore.open(file)) {
            int third = files.size() / 3;
            for (List<Path> part : List.of(files.subList(0, third), files.subList(third, 2 * third),
                    files.subList(2 * third, files.size()))) {
                CaseScan.run(store, part, caseRules, CaseScan.Options.defaults(), Progress.NONE, Cancellation.NEVER,
                        new CaseScan.Observer() { });
            }
            assertEquals(sorted(expected), sorted(caseHits(store)));
            assertEquals(0, store.db().number("SELECT count(*) FROM detections WHERE rule_id IN (?, ?)",
                    "2b3d63a2-e213-4110-9fc0-544203b1759a", "28280026-ce7e-4416-b928-1dd40fa93fb7"),
                    "the base rules' matches are not stored as detections");

            Path edited = Files.createDirectories(dir.resolve("edited"));
            Files.writeString(edited.resolve("mr.yml"), Files.readString(Path.of(
                    "rules/windows/mr_wmi_persistence_consumer_then_scrcons.yml")).replace("timespan: 30m",
                    "timespan: 31m"));
            RuleSet changed = RuleLoader.load(List.of(new RuleLoader.RuleSource(edited, null)));
            RuleSet merged = merge(rules.rules().stream().filter(r -> !ofTheCorrelation(r.id())).toList(), changed);
            CaseRescan.Summary rescan = CaseRescan.run(store, CaseRules.reference(merged, LogsourceMapping.builtin()),
                    CommitPolicy.defaults(), Progress.NONE, Cancellation.NEVER);
            assertTrue(rescan.changed() >= 1, "the correlation changed");
            assertEquals(sorted(expected), sorted(caseHits(store)));
        }
    }

    private static boolean ofTheCorrelation(String id) {
        return Set.of(CORRELATION, "2b3d63a2-e213-4110-9fc0-544203b1759a", "28280026-ce7e-4416-b928-1dd40fa93fb7")
                .contains(id);
    }

    /** The other built-in rules and the edited correlation file's rules and correlation. */
    private static RuleSet merge(List<org.sigmascope.sigma.SigmaRule> others, RuleSet correlation) {
        List<org.sigmascope.sigma.SigmaRule> all = new ArrayList<>(others);
        all.addAll(correlation.rules());
        return new RuleSet(all, List.of(), List.of(), List.of(), List.of(), correlation.correlations());
    }

    /** The correlation's hits in the case, each as the file and record id of its events. */
    private static List<List<String>> caseHits(CaseStore store) throws IOException {
        Map<Integer, String> files = new LinkedHashMap<>();
        store.sources().forEach(s -> files.put(s.id(), evidence.toAbsolutePath().relativize(Path.of(s.path()))
                .toString().replace('\\', '/')));
        List<List<String>> found = new ArrayList<>();
        for (Detection detection : store.detections(0, 10_000)) {
            if (detection.rule().id().equals(CORRELATION)) {
                assertEquals("temporal_ordered", detection.correlation().type());
                List<String> events = new ArrayList<>();
                for (var row : store.timeline().rows(detection.correlation().eventIds())) {
                    events.add(files.get(row.event().sourceId()) + "#" + row.event().recordId());
                }
                found.add(events);
            }
        }
        return found;
    }

    private static List<String> sorted(List<List<String>> hits) {
        return hits.stream().map(Object::toString).sorted().toList();
    }
}
