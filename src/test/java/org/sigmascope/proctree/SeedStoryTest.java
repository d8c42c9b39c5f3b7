package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The seed story: svchost.exe starts scrcons.exe (the seed rule fires on it), which starts the payload. Read from
 * files, scanned with the built-in rules, and told from the detections.
 */
class SeedStoryTest {
    private static final String SEED_RULE = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";

    @TempDir
    Path temp;

    /** A scan of evidence into a tree, with the detections found and, when asked for, the events. */
    record Scanned(ProcessTree tree, List<Detection> detections, List<Event> events) {
        long[] detectionEvents() {
            return detections.stream().mapToLong(d -> d.event().id()).toArray();
        }
    }

    static Scanned scan(List<Path> inputs) throws IOException {
        return scan(inputs, false);
    }

    /** Reads and scans the evidence with the built-in rules, as {@code sigmascope tree} does. */
    static Scanned scan(List<Path> inputs, boolean keepEvents) throws IOException {
        SightingBuffer buffer = new SightingBuffer();
        List<Detection> detections = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        ReferenceEngine engine = new ReferenceEngine(RuleLoader.load(List.of(BuiltinRules.source())),
                LogsourceMapping.builtin());
        Scanner.scan(new ScanRequest(inputs, engine, ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1),
                new ScanListener() {
                    @Override
                    public boolean wantsEvents() {
                        return true;
                    }

                    @Override
                    public void event(Event event) {
                        buffer.accept(event);
                        if (keepEvents) {
                            events.add(event);
                        }
                    }

                    @Override
                    public void detection(Detection detection) {
                        detections.add(detection);
                    }
                }, Progress.NONE, Cancellation.NEVER);
        return new Scanned(buffer.build(TreeOptions.defaults()), detections, events);
    }

    @Test
    void generatedEvidenceSeenByBothLogs() throws IOException {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(new ProcessStoryGenerator.Options(11, 2, 400, 400,
                ProcessStoryGenerator.Logs.BOTH, 0.02, 0.05, true, true, 2));
        Scanned scanned = scan(evidence.writeJsonl(temp));
        AttackStory story = AttackStory.of(scanned.tree(), scanned.detectionEvents());
        ProcessTree tree = scanned.tree();
        assertEquals(2, scanned.detections().size(), "the seed rule fires on Sysmon 1 and on 4688 of one start");
        assertTrue(scanned.detections().stream().allMatch(d -> d.rule().id().equals(SEED_RULE)));
        assertEquals(1, story.detectedProcesses().length, "the two views are one process");
        int scrcons = story.detectedProcesses()[0];
        assertStory(tree, story, scrcons, LinkKind.EXACT);
        assertEquals(Set.of(Witness.SYSMON, Witness.SECURITY), tree.process(scrcons).startedBy());
        assertEquals(0, story.unplacedEvents().length);
    }

    @Test
    void generatedEvidenceSeenByTheSecurityLogOnly() throws IOException {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(new ProcessStoryGenerator.Options(12, 2, 400, 400,
                ProcessStoryGenerator.Logs.SECURITY, 0.02, 0.05, true, true, 2));
        Scanned scanned = scan(evidence.writeJsonl(temp));
        AttackStory story = AttackStory.of(scanned.tree(), scanned.detectionEvents());
        assertEquals(1, story.detectedProcesses().length);
        assertStory(scanned.tree(), story, story.detectedProcesses()[0], LinkKind.INFERRED);
    }

    /** svchost.exe -k DcomLaunch → scrcons.exe (detected) → powershell.exe -enc …, the links of the kind given. */
    private static void assertStory(ProcessTree tree, AttackStory story, int scrcons, LinkKind kind) {
        Process detected = tree.process(scrcons);
        assertEquals("scrcons.exe", detected.name());
        Process svchost = tree.process(detected.parent());
        assertEquals("svchost.exe", svchost.name());
        assertTrue(svchost.commandLine().contains("DcomLaunch"), svchost.commandLine());
        assertEquals(kind, detected.link().kind());
        int[] payloads = tree.children(scrcons);
        assertEquals(1, payloads.length);
        Process payload = tree.process(payloads[0]);
        assertEquals("powershell.exe", payload.name());
        assertTrue(payload.commandLine().contains("-enc"));
        assertEquals(kind, payload.link().kind());
        assertEquals(List.of("svchost.exe", "services.exe", "wininit.exe", "smss.exe"), Arrays.stream(
                tree.ancestors(scrcons)).mapToObj(a -> tree.process(a).name()).toList().subList(0, 4));
        Selection selection = story.selection();
        assertEquals(Selection.Mark.MATCH, selection.mark(scrcons));
        assertEquals(Selection.Mark.CONTEXT, selection.mark(detected.parent()));
        assertEquals(Selection.Mark.DESCENDANT, selection.mark(payloads[0]));
        assertEquals(tree.ancestors(scrcons).length + 1 + tree.descendants(scrcons).length, selection.members().length,
                "the story is the chain, the detected process and what it started: nothing else");
    }

    @Test
    void evtxecmdCsvFromTheGenerator() throws IOException {
        // sigmascope generate's EvtxECmd CSV: WS01 logs Sysmon and 4688, WS02 only 4688.
        Path out = temp.resolve("csv");
        org.sigmascope.generate.Generator.run(new org.sigmascope.generate.GenerateOptions(2, 5000, 3,
                org.sigmascope.generate.OutputFormat.CSV, out, "wmi-persistence-wmic@1,wmi-persistence-wmic@2",
                org.sigmascope.generate.GenerateOptions.DEFAULT_START, java.time.Duration.ofHours(24), 1),
                Progress.NONE, Cancellation.NEVER);
        Scanned scanned = scan(List.of(out.resolve("evidence")));
        ProcessTree tree = scanned.tree();
        AttackStory story = AttackStory.of(tree, scanned.detections().stream()
                .filter(d -> d.rule().id().equals(SEED_RULE)).mapToLong(d -> d.event().id()).toArray());
        assertEquals(2, story.detectedProcesses().length);
        for (int scrcons : story.detectedProcesses()) {
            Process detected = tree.process(scrcons);
            boolean bothLogs = detected.host().startsWith("WS01");
            assertEquals("scrcons.exe", detected.name());
            assertEquals("svchost.exe", tree.process(detected.parent()).name());
            assertEquals(bothLogs ? LinkKind.EXACT : LinkKind.INFERRED, detected.link().kind());
            assertEquals(bothLogs ? Set.of(Witness.SYSMON, Witness.SECURITY) : Set.of(Witness.SECURITY),
                    detected.startedBy());
            assertEquals(List.of("powershell.exe"), Arrays.stream(tree.children(scrcons))
                    .mapToObj(c -> tree.process(c).name()).toList());
        }
    }

    @Test
    void theRepositorySampleOnTwoHosts() throws IOException {
        Scanned scanned = scan(List.of(Path.of("samples/wmi-persistence")));
        ProcessTree tree = scanned.tree();
        AttackStory story = AttackStory.of(tree, scanned.detectionEvents());
        assertEquals(2, story.detectedProcesses().length);
        int[] roots = story.selection().roots();
        assertEquals(List.of("WS01.corp.example", "WS02.corp.example"),
                Arrays.stream(roots).mapToObj(tree::host).toList());
        for (int scrcons : story.detectedProcesses()) {
            Process p = tree.process(scrcons);
            assertEquals("scrcons.exe", p.name());
            assertEquals("svchost.exe", tree.process(p.parent()).name());
            int[] payload = story.selection().children(scrcons);
            assertEquals(1, payload.length);
            String expected = p.host().startsWith("WS01") ? "cmd.exe" : "wscript.exe";
            assertEquals(expected, tree.process(payload[0]).name());
            assertEquals(p.host().startsWith("WS01") ? LinkKind.EXACT : LinkKind.INFERRED, p.link().kind());
        }
        // The near misses are in the tree but not in the story.
        int[] nearMisses = tree.matching(p -> p.name().startsWith("scrcons") && p.link().kind() == LinkKind.EXACT);
        assertEquals(4, nearMisses.length);
        assertArrayEquals(new int[] {story.detectedProcesses()[0]},
                Arrays.stream(nearMisses).filter(story.selection()::contains).toArray());
    }
}
