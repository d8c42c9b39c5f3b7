package org.sigmascope.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * A scan on several threads makes exactly the listener calls of a one-thread scan, in the same order: sources
 * started, failed and finished between their events, each event followed by its detections. The matching threads
 * never wait for a source to end, so this is what keeps the order.
 */
class ScanOrderTest {
    private static CompiledEngine engine;

    @TempDir
    static Path extra;

    @BeforeAll
    static void compileRules() throws Exception {
        RuleSet rules = RuleLoader.load(List.of(BuiltinRules.source(),
                RuleLoader.RuleSource.of(Corpus.path("sigma/rules/rules/windows/process_creation"))),
                Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/placeholders.yml")).withDefaults());
        assertTrue(rules.rules().size() > 1000, "rules: " + rules.rules().size());
        engine = new CompiledEngine(rules, LogsourceMapping.builtin());
    }

    @Test
    void twoAndThreeThreadsCallTheListenerAsOneThreadDoes() throws IOException {
        Path notEvidence = Files.writeString(extra.resolve("notes.txt"), "not an event log\n");
        List<Path> inputs = List.of(Corpus.path("formats"), notEvidence, Corpus.path("evtx/omerbenamram+evtx"),
                Corpus.path("sigma/regression"));
        List<String> one = calls(inputs, 1);
        assertTrue(one.stream().filter(c -> c.startsWith("event ")).count() > 20_000, "events: " + one.size());
        assertTrue(one.stream().anyMatch(c -> c.startsWith("failed ")), "a source fails");
        long detections = one.stream().filter(c -> c.startsWith("detection ")).count();
        assertTrue(detections > 100, "detections: " + detections);
        assertEquals(one, calls(inputs, 2));
        assertEquals(one, calls(inputs, 3));
    }

    private static List<String> calls(List<Path> inputs, int threads) throws IOException {
        List<String> calls = new ArrayList<>();
        ScanSummary summary = Scanner.scan(new ScanRequest(inputs, engine,
                ReadOptions.defaults().withThreads(threads), Level.INFORMATIONAL, 1, 1), new ScanListener() {
                    @Override
                    public void sourceStarted(Source source) {
                        calls.add("started " + source.id() + " " + source.displayName());
                    }

                    @Override
                    public boolean wantsEvents() {
                        return true;
                    }

                    @Override
                    public void event(Event event) {
                        calls.add("event " + event.id() + " " + event.sourceId() + " " + event.recordId());
                    }

                    @Override
                    public void detection(Detection detection) {
                        calls.add("detection " + detection.event().id() + " " + detection.rule().id() + " "
                                + detection.match());
                    }

                    @Override
                    public void sourceFinished(Source source, SourceStats stats) {
                        calls.add("finished " + source.id() + " " + stats);
                    }

                    @Override
                    public void sourceFailed(Source source, String message) {
                        calls.add("failed " + source.id() + " " + message);
                    }
                }, Progress.NONE, Cancellation.NEVER);
        calls.add("summary " + summary.events() + " " + summary.detections() + " " + summary.sources());
        return calls;
    }
}
