package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The compiled engine against the reference evaluator on the whole corpus — every EVTX file of it that can be
 * read, the JSON and CSV exports, SigmaHQ's regression samples — and on generated evidence in EVTX, JSONL and CSV,
 * with all active SigmaHQ rules and the built-in ones: every event must get the same detections, in the same order,
 * with the same explanations. About 58,000 corpus events; the reference evaluator's share of the time is most of
 * this test's minute or two.
 */
class CompiledEngineDifferentialTest {
    private static RuleSet rules;
    private static ReferenceEngine reference;
    private static CompiledEngine compiled;

    @TempDir
    static Path generated;

    @BeforeAll
    static void loadRules() throws Exception {
        List<RuleLoader.RuleSource> sources = new ArrayList<>();
        sources.add(BuiltinRules.source());
        for (String tree : List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance")) {
            sources.add(RuleLoader.RuleSource.of(Corpus.path("sigma/rules/" + tree)));
        }
        rules = RuleLoader.load(sources,
                Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/placeholders.yml")).withDefaults());
        assertEquals(List.of(), rules.failures());
        assertTrue(rules.rules().size() > 3700, "all active SigmaHQ rules load: " + rules.rules().size());
        reference = new ReferenceEngine(rules, LogsourceMapping.builtin());
        compiled = new CompiledEngine(rules, LogsourceMapping.builtin());
    }

    @Test
    void evtxCorpusGivesTheSameDetections() throws IOException {
        assertSame(List.of(Corpus.path("evtx")), 37_000, 5_000);
    }

    @Test
    void jsonAndCsvExportsGiveTheSameDetections() throws IOException {
        assertSame(List.of(Corpus.path("formats")), 20_000, 16_000);
    }

    @Test
    void regressionSamplesGiveTheSameDetections() throws IOException {
        assertSame(List.of(Corpus.path("sigma/regression")), 240, 300);
    }

    @Test
    void generatedEvidenceGivesTheSameDetections() throws IOException {
        Generator.run(GenerateOptions.of(3, 30_000, 8, OutputFormat.EVTX, generated.resolve("evtx")), Progress.NONE,
                Cancellation.NEVER);
        Generator.run(GenerateOptions.of(2, 5_000, 9, OutputFormat.JSONL, generated.resolve("jsonl")), Progress.NONE,
                Cancellation.NEVER);
        Generator.run(GenerateOptions.of(2, 5_000, 10, OutputFormat.CSV, generated.resolve("csv")), Progress.NONE,
                Cancellation.NEVER);
        assertSame(List.of(generated), 40_000, 100);
    }

    /** Scans with both engines at once (two threads); fails on the first events where they differ. */
    private static void assertSame(List<Path> inputs, long minEvents, long minDetections) throws IOException {
        Differential differential = new Differential(reference, compiled);
        Scanner.scan(new ScanRequest(inputs, differential, ReadOptions.defaults().withThreads(2), Level.INFORMATIONAL,
                1, 1), new ScanListener() { }, Progress.NONE, Cancellation.NEVER);
        assertEquals(List.of(), differential.differences(), "events where the compiled engine differs");
        assertTrue(differential.events() >= minEvents, "events scanned: " + differential.events());
        assertTrue(differential.detections() >= minDetections, "detections: " + differential.detections());
    }

    @Test
    void aScanOnTwoThreadsGivesTheDetectionsOfAOneThreadScanInTheSameOrder() throws IOException {
        List<Path> inputs = List.of(Corpus.path("formats"), Corpus.path("sigma/regression"));
        List<String> one = detections(inputs, compiled, 1);
        List<String> two = detections(inputs, compiled, 2);
        assertTrue(one.size() > 16_000, "detections: " + one.size());
        assertEquals(one, two);
    }

    private static List<String> detections(List<Path> inputs, RuleEngine engine, int threads) throws IOException {
        List<String> found = new ArrayList<>();
        Scanner.scan(new ScanRequest(inputs, engine, ReadOptions.defaults().withThreads(threads), Level.INFORMATIONAL,
                1, 1), new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        found.add(detection.event().id() + " " + detection.rule().id() + " " + detection.match());
                    }
                }, Progress.NONE, Cancellation.NEVER);
        return found;
    }
}
