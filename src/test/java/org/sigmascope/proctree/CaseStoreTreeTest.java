package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;

/**
 * Trees from a case: the events a case store gives in time order, fed to the builder as they come, make the same
 * trees as the evidence files read directly; the case's detections tell the attack story.
 */
class CaseStoreTreeTest {
    @TempDir
    Path dir;

    @Test
    void aCaseGivesTheTreesOfItsEvidence() throws IOException {
        Path evidence = dir.resolve("evidence");
        Files.createDirectories(evidence);
        Files.copy(Path.of("samples/wmi-persistence/process-starts.jsonl"), evidence.resolve("a-samples.jsonl"));
        for (String name : new String[] {"sliver-security", "sliver-sysmon"}) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Corpus.path(CorpusEvidence.DEEPBLUE + name
                    + ".evtx.evtx-crate-0.8.5.jsonl.gz")))) {
                Files.copy(in, evidence.resolve("b-" + name + ".jsonl"));
            }
        }
        ProcessTree fromFiles = SeedStoryTest.scan(List.of(evidence)).tree();
        try (CaseStore store = TestCases.imported(dir.resolve("case.duckdb"), evidence)) {
            ProcessTreeBuilder builder = new ProcessTreeBuilder();
            long offered = 0;
            for (List<Event> page = store.events(0, 100); !page.isEmpty(); page = store.events(offered, 100)) {
                page.forEach(builder::accept);
                offered += page.size();
            }
            ProcessTree fromCase = builder.build();
            assertEquals(0, fromCase.stats().outOfOrder(), "the store gives events in time order");
            assertEquals(all(fromFiles), all(fromCase));
            assertTrue(fromCase.size() > 60, "three hosts' processes: " + fromCase.size());

            List<Detection> detections = store.detections(0, 1000);
            AttackStory story = AttackStory.of(fromCase, detections.stream().mapToLong(d -> d.event().id()).toArray());
            List<String> detected = new ArrayList<>();
            for (int p : story.detectedProcesses()) {
                detected.add(fromCase.host(p).substring(0, 4) + " " + fromCase.process(p).name() + " <- "
                        + fromCase.process(fromCase.parent(p)).name());
            }
            assertEquals(List.of("WS01 scrcons.exe <- svchost.exe", "WS02 scrcons.exe <- svchost.exe"),
                    detected.stream().filter(d -> d.contains("scrcons")).sorted().toList());
        }
    }

    private static List<Process> all(ProcessTree tree) {
        return IntStream.range(0, tree.size()).mapToObj(tree::process).toList();
    }
}
