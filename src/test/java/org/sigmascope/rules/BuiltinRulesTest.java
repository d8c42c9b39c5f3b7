package org.sigmascope.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.model.Match;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The built-in rules on evidence written for them (src/test/resources/org/sigmascope/rules/RULE/): every event of
 * {@code positive.jsonl} is detected by the rule, no event of {@code negative.jsonl} is. The evidence is
 * evtx-crate JSON, as the Rust evtx crate exports Sysmon, Security, PowerShell and WMI-Activity events.
 */
class BuiltinRulesTest {
    private static final Path EVIDENCE = Path.of("src/test/resources/org/sigmascope/rules");
    private static final ReferenceEngine ENGINE = engine();

    @TempDir
    Path dir;

    private static ReferenceEngine engine() {
        RuleSet rules = RuleLoader.load(List.of(BuiltinRules.source()));
        assertEquals(List.of(), rules.failures());
        return new ReferenceEngine(rules, LogsourceMapping.builtin());
    }

    /** The detections of one rule on a file, and the number of events read. */
    private record Result(List<Detection> detections, long events) {
    }

    private static Result scan(Path file, String ruleId) throws IOException {
        List<Detection> found = new ArrayList<>();
        long events = Scanner.scan(new ScanRequest(List.of(file), ENGINE, ReadOptions.defaults(), Level.INFORMATIONAL,
                1, 1), new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        if (detection.rule().id().equals(ruleId)) {
                            found.add(detection);
                        }
                    }
                }, Progress.NONE, Cancellation.NEVER).events();
        return new Result(found, events);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wmic-active-script-consumer, 1249322c-3356-4f97-a17d-5dc522a3502c",
            "wmi-encoded-script-consumer, 1a29d75f-abaf-4153-a5f0-c39f92df8d4c",
            "powershell-wmi-subscription, 767d815a-0645-48f6-a0f4-05550042d6b7",
            "exchange-transport-agent, f355b3c6-a678-486a-895c-f01e43daaf99",
            "wmi-event-subscription, ccc820c3-29a1-4e82-ac52-8bd55e83956c"})
    void detectsEveryPositiveEventAndNoNegativeOne(String folder, String ruleId) throws IOException {
        Result positive = scan(EVIDENCE.resolve(folder).resolve("positive.jsonl"), ruleId);
        assertTrue(positive.events() >= 3, "too little positive evidence: " + positive.events());
        assertEquals(positive.events(), positive.detections().size(), "positive events not detected");
        Result negative = scan(EVIDENCE.resolve(folder).resolve("negative.jsonl"), ruleId);
        assertTrue(negative.events() >= 3, "too little negative evidence: " + negative.events());
        assertEquals(List.of(), negative.detections().stream().map(d -> d.event().recordId()).toList(),
                "negative events detected");
    }

    /**
     * Golden explanations: every detection of the built-in rules on each positive file, with why it matched, as
     * {@code expected-matches.jsonl} beside it, reviewed as data. After an intended change, regenerate them with
     * {@code mvn test -Dtest=BuiltinRulesTest -Dsigmascope.updateGolden=true} and review the diff.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"wmic-active-script-consumer", "wmi-encoded-script-consumer", "powershell-wmi-subscription",
            "exchange-transport-agent", "wmi-event-subscription"})
    void explanationsMatchTheGoldenFile(String folder) throws IOException {
        List<String> lines = new ArrayList<>();
        Scanner.scan(new ScanRequest(List.of(EVIDENCE.resolve(folder).resolve("positive.jsonl")), ENGINE,
                ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1), new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        com.fasterxml.jackson.databind.node.ObjectNode line = JsonCodec.MAPPER.createObjectNode();
                        line.put("record_id", detection.event().recordId());
                        line.put("rule", detection.rule().title());
                        line.set("match", JsonCodec.match(detection.match()));
                        lines.add(JsonCodec.write(line));
                    }
                }, Progress.NONE, Cancellation.NEVER);
        Path golden = EVIDENCE.resolve(folder).resolve("expected-matches.jsonl");
        if (Boolean.getBoolean("sigmascope.updateGolden")) {
            Files.write(golden, lines);
        }
        assertEquals(Files.readAllLines(golden), lines);
    }

    @Test
    void theEncodedConsumerExplanationShowsTheEncodingThatMatched() throws IOException {
        Result result = scan(EVIDENCE.resolve("wmi-encoded-script-consumer/positive.jsonl"),
                "1a29d75f-abaf-4153-a5f0-c39f92df8d4c");
        Match.FieldHit utf16 = result.detections().get(0).match().selections().stream()
                .filter(s -> s.selection().equals("selection_payload_utf16")).findFirst().orElseThrow()
                .fields().get(0);
        assertEquals("IEX (", utf16.ruleValue());
        assertEquals(List.of("wide", "base64offset", "contains"), utf16.modifiers());
        // "IEX (" in UTF-16LE is SQBFAFgAIAAoAA== in base64; at offset 0 the last three characters depend on
        // what follows, so base64offset keeps SQBFAFgAIAAoA
        assertEquals("SQBFAFgAIAAoA", utf16.compared());
        assertEquals("SQBFAFgAIAAoA", utf16.matchedPart());
        Match.FieldHit dash = result.detections().get(0).match().selections().get(0).fields().get(0);
        assertEquals(" /enc ", dash.matchedPart());
    }

    @Test
    void theFilterBindingOfWmiActivity5861IsReadThroughTheMapping() throws IOException {
        Result result = scan(EVIDENCE.resolve("wmi-encoded-script-consumer/positive.jsonl"),
                "1a29d75f-abaf-4153-a5f0-c39f92df8d4c");
        Detection binding = result.detections().stream().filter(d -> d.event().eventId() == 5861).findFirst()
                .orElseThrow();
        assertEquals("Destination", binding.match().selections().get(0).fields().get(0).field());
    }

    /**
     * Real evidence: DeepBlueCLI's WMI-Activity log holds Windows' own SCM Event Log binding (5861), which the
     * subscription rule leaves out, and an attacker's "LogRotate" command-line consumer binding, which it finds;
     * PowerLurk's Sysmon log (EVTX-to-MITRE-Attack) holds a registration's filter and consumer.
     */
    @Test
    void realWmiEvidence() throws IOException {
        String rule = "ccc820c3-29a1-4e82-ac52-8bd55e83956c";
        Result deepBlue = scan(unzip("evtx-ref/evtx/sans-blue-team+DeepBlueCLI/evtx/"
                + "wmi-event-filter-persistance.evtx.evtx-crate-0.8.5.jsonl.gz"), rule);
        assertTrue(deepBlue.events() > 100, "events: " + deepBlue.events());
        assertEquals(1, deepBlue.detections().size(), deepBlue.detections().toString());
        Match.FieldHit id = deepBlue.detections().get(0).match().selections().get(0).fields().get(0);
        assertEquals("5861", id.eventValue());
        assertEquals("LogRotate Event", deepBlue.detections().get(0).event().fields().get("ESS"));
        Result powerLurk = scan(unzip("evtx-ref/evtx/mdecrevoisier+EVTX-to-MITRE-Attack/TA0003-Persistence/"
                + "T1546-Event Triggered Execution/ID19-20-WMI registration via PowerLurk.evtx.evtx-crate-0.8.5.jsonl.gz"),
                rule);
        assertTrue(powerLurk.detections().size() >= 2, "PowerLurk's filter and consumer: " + powerLurk.detections());
        assertTrue(powerLurk.detections().stream().allMatch(d -> List.of(19, 20, 21).contains(d.event().eventId())));
    }

    private Path unzip(String corpusFile) throws IOException {
        Path out = dir.resolve(Path.of(corpusFile).getFileName().toString().replace(".gz", ""));
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(Corpus.path(corpusFile)))) {
            Files.copy(in, out);
        }
        return out;
    }
}
