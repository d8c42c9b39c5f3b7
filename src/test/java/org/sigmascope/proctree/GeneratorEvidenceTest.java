package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Trees of evidence from {@code sigmascope generate}: four hosts that log differently (WS01 Sysmon and 4688, WS02
 * 4688 only, WS03 Sysmon and 4688 without command lines, WS04 Sysmon only), with the seed story on the first three.
 * Sysmon's GUIDs are the truth the links are checked against.
 */
class GeneratorEvidenceTest {
    private static final String SEED_RULE = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";
    private static final String SCENARIOS = "wmi-persistence-wmic@1,wmi-persistence-wmic@2,wmi-persistence-powershell@3";

    @TempDir
    static Path dir;
    private static final List<Event> EVENTS = new ArrayList<>();
    private static final List<Detection> DETECTIONS = new ArrayList<>();

    @BeforeAll
    static void generateAndScan() throws IOException {
        Path out = dir.resolve("generated");
        Generator.run(new GenerateOptions(4, 60_000, 3, OutputFormat.JSONL, out, SCENARIOS,
                GenerateOptions.DEFAULT_START, Duration.ofHours(24), 2), Progress.NONE, Cancellation.NEVER);
        SeedStoryTest.Scanned scanned = SeedStoryTest.scan(List.of(out.resolve("evidence")), true);
        EVENTS.addAll(scanned.events());
        DETECTIONS.addAll(scanned.detections());
    }

    @Test
    void theSeedStoryOnEachHost() {
        ProcessTree tree = CorpusEvidence.buffered(EVENTS);
        AttackStory all = AttackStory.of(tree, DETECTIONS.stream().mapToLong(d -> d.event().id()).toArray());
        // Detections on WMI subscription events (Sysmon 19-21, WMI-Activity 5861) name no process: listed apart.
        // Every detection on an event that names a process lands on one.
        assertTrue(all.unplacedEvents().length > 0);
        for (long id : all.unplacedEvents()) {
            Event event = EVENTS.get((int) id - 1);
            assertEquals(id, event.id());
            assertEquals(null, SightingReader.read(event, problem -> { }), event.channel() + " " + event.eventId());
        }
        AttackStory story = AttackStory.of(tree, DETECTIONS.stream().filter(d -> d.rule().id().equals(SEED_RULE))
                .mapToLong(d -> d.event().id()).toArray());
        assertEquals(3, story.detectedProcesses().length, "one scrcons.exe per host, whatever logs saw it");
        for (int scrcons : story.detectedProcesses()) {
            Process detected = tree.process(scrcons);
            String host = detected.host().substring(0, 4);
            assertEquals("scrcons.exe", detected.name(), host);
            Process svchost = tree.process(detected.parent());
            assertEquals("svchost.exe", svchost.name(), host);
            assertTrue(svchost.commandLine().contains("-k DcomLaunch"), host + ": " + svchost.commandLine());
            List<String> payload = Arrays.stream(tree.descendants(scrcons)).mapToObj(p -> tree.process(p).name())
                    .toList();
            LinkKind expected = host.equals("WS02") ? LinkKind.INFERRED : LinkKind.EXACT;
            assertEquals(expected, detected.link().kind(), host);
            for (int d : tree.descendants(scrcons)) {
                assertEquals(expected, tree.link(d).kind(), host);
            }
            switch (host) {
                case "WS01" -> {
                    assertEquals(List.of("powershell.exe"), payload);
                    assertEquals(Set.of(Witness.SYSMON, Witness.SECURITY), detected.startedBy());
                }
                case "WS02" -> {
                    assertEquals(List.of("powershell.exe"), payload);
                    assertEquals(Check.AGREED, detected.link().logon());
                    assertEquals(Check.AGREED, detected.link().image());
                }
                default -> assertEquals(List.of("cmd.exe", "updater.exe"), payload, host);
            }
        }
    }

    @Test
    void everyGuidLinkIsRightAndEveryStartIsOneProcess() {
        ProcessTree tree = CorpusEvidence.buffered(EVENTS);
        SysmonTruth truth = new SysmonTruth(EVENTS);
        truth.pairSecurityStarts(EVENTS);
        LinkAccuracy accuracy = LinkAccuracy.measure(tree, truth::processOfStart, truth::parentOf, truth::started);
        System.out.println(accuracy.row("generate: all four hosts, all logs, with GUIDs"));
        assertEquals(0, accuracy.exactWrong(), accuracy.toString());
        assertEquals(0, accuracy.wrong() + accuracy.unseenWrong(), accuracy.toString());
        assertTrue(accuracy.children() > 5000, accuracy.toString());
        // WS01 and WS03 log each start twice; each pair must be one process.
        long bothLogs = EVENTS.stream().filter(e -> e.eventId() == 4688 && truth.processOfStart(e.id()) >= 0).count();
        assertEquals(bothLogs, tree.stats().mergedStarts());
    }

    @Test
    void linksWithoutGuidsAgainstSysmonsTruth() {
        SysmonTruth truth = new SysmonTruth(EVENTS);
        truth.pairSecurityStarts(EVENTS);
        List<Event> sysmonWithoutGuids = EVENTS.stream().filter(e -> e.channel().equals(SightingReader.SYSMON_CHANNEL))
                .map(CorpusEvidence::withoutGuids).toList();
        ProcessTree sysmon = CorpusEvidence.buffered(sysmonWithoutGuids);
        LinkAccuracy bySysmon = LinkAccuracy.measure(sysmon, truth::processOfStart, truth::parentOf, truth::started);
        System.out.println(bySysmon.row("generate: Sysmon of WS01, WS03, WS04 without GUIDs"));
        List<Event> security = EVENTS.stream().filter(e -> e.channel().equals(SightingReader.SECURITY_CHANNEL)
                && !e.computer().startsWith("WS02")).toList();
        ProcessTree alone = CorpusEvidence.buffered(security);
        LinkAccuracy bySecurity = LinkAccuracy.measure(alone, truth::processOfStart, truth::parentOf,
                LinkAccuracy.startedIn(alone, truth::processOfStart));
        System.out.println(bySecurity.row("generate: Security 4688 alone of WS01 and WS03, checked against Sysmon"));
        assertTrue(bySysmon.precision() >= 0.999 && bySysmon.recall() >= 0.999, bySysmon.toString());
        assertTrue(bySecurity.precision() >= 0.999 && bySecurity.recall() >= 0.999, bySecurity.toString());
        assertTrue(bySecurity.children() > 3000, bySecurity.toString());
    }
}
