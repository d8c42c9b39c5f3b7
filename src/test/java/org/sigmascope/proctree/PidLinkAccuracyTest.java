package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Event;

/**
 * How right links by process id and time are, measured where the truth is known: generated evidence (its truth
 * kept by the generator) and real Sysmon evidence with its GUIDs dropped (the GUIDs give the truth). The table
 * printed is the one in docs/benchmarks.md.
 */
class PidLinkAccuracyTest {
    private static final List<String> ROWS = new ArrayList<>();

    @TempDir
    Path temp;

    /** Generated: 4 hosts, 3,000 starts each after boot, 1,000 ids per host (heavy reuse), logs begun after boot. */
    static ProcessStoryGenerator.Options generated(ProcessStoryGenerator.Logs logs, double startLoss, double stopLoss) {
        return new ProcessStoryGenerator.Options(42, 4, 3000, 1000, logs, startLoss, stopLoss, false, false, 2);
    }

    private static final UnaryOperator<Event> AS_LOGGED = UnaryOperator.identity();
    private static final UnaryOperator<Event> NO_PARENT_NAME =
            e -> CorpusEvidence.without(e, "ParentProcessName", "ProcessName");
    private static final UnaryOperator<Event> ID_AND_TIME_ONLY = e -> CorpusEvidence.without(e, "ParentProcessName",
            "ProcessName", "SubjectLogonId", "TargetLogonId");
    private static final UnaryOperator<Event> NO_PARENT_DETAILS = e -> CorpusEvidence.without(
            CorpusEvidence.withoutGuids(e), "ParentImage", "ParentCommandLine");

    @Test
    void sysmonWithoutGuids() {
        ProcessStoryGenerator.Logs sysmon = ProcessStoryGenerator.Logs.SYSMON;
        LinkAccuracy few = measure("Sysmon without GUIDs (id, time, image, command line); 2% starts, 5% stops lost",
                generated(sysmon, 0.02, 0.05), CorpusEvidence::withoutGuids);
        LinkAccuracy many = measure("Sysmon without GUIDs (id, time, image, command line); 10% starts lost, no stops",
                generated(sysmon, 0.10, 1), CorpusEvidence::withoutGuids);
        LinkAccuracy bare = measure("Sysmon without GUIDs, ParentImage, ParentCommandLine (id, time); 10% starts"
                + " lost, no stops", generated(sysmon, 0.10, 1), NO_PARENT_DETAILS);
        assertTrue(few.precision() >= 0.999 && few.recall() >= 0.999, few.toString());
        assertTrue(many.precision() >= 0.999 && many.recall() >= 0.999, many.toString());
        assertTrue(bare.precision() < many.precision(), "the image check must be worth something: " + bare);
    }

    @Test
    void securityLog() {
        ProcessStoryGenerator.Logs security = ProcessStoryGenerator.Logs.SECURITY;
        LinkAccuracy full = measure("4688 (id, time, logon session, image); 2% starts, 5% stops lost",
                generated(security, 0.02, 0.05), AS_LOGGED);
        LinkAccuracy noStops = measure("4688 (id, time, logon session, image); 10% starts lost, no 4689",
                generated(security, 0.10, 1), AS_LOGGED);
        LinkAccuracy logonOnly = measure("4688 without ParentProcessName (id, time, logon session); 10% starts lost,"
                + " no 4689", generated(security, 0.10, 1), NO_PARENT_NAME);
        LinkAccuracy bare = measure("4688, id and time only; 10% starts lost, no 4689", generated(security, 0.10, 1),
                ID_AND_TIME_ONLY);
        assertTrue(full.precision() >= 0.998 && full.recall() >= 0.999, full.toString());
        // Without 4689 nothing tells a lost start's id from its earlier holder's but the logon session and image:
        // about one link in twenty to a seen process is then wrong. The figure is in docs/benchmarks.md.
        assertTrue(noStops.precision() >= 0.93 && noStops.recall() >= 0.999, noStops.toString());
        assertTrue(logonOnly.precision() >= bare.precision(), logonOnly + " vs " + bare);
        assertTrue(noStops.precision() > bare.precision(), "the checks must be worth something: " + bare);
    }

    @Test
    void bothLogs() {
        ProcessStoryGenerator.Logs both = ProcessStoryGenerator.Logs.BOTH;
        LinkAccuracy exact = measure("Sysmon and 4688 merged, with GUIDs; 2% starts, 5% stops lost",
                generated(both, 0.02, 0.05), AS_LOGGED);
        LinkAccuracy pid = measure("Sysmon and 4688 merged, without GUIDs; 2% starts, 5% stops lost",
                generated(both, 0.02, 0.05), CorpusEvidence::withoutGuids);
        assertEquals(0, exact.exactWrong(), exact.toString());
        assertEquals(0, exact.wrong() + exact.unseenWrong(), exact.toString());
        assertTrue(pid.precision() >= 0.999, pid.toString());
    }

    @Test
    void realSysmonWithoutGuids() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(org.sigmascope.Corpus.path(CorpusEvidence.DEEPBLUE + "metasploit-sysmon.evtx.evtx-crate-0.8.5.jsonl.gz"));
        files.add(org.sigmascope.Corpus.path(CorpusEvidence.DEEPBLUE + "sliver-sysmon.evtx.evtx-crate-0.8.5.jsonl.gz"));
        files.addAll(CorpusEvidence.mitreFiles());
        List<Event> events = CorpusEvidence.read(temp, files);
        SysmonTruth truth = new SysmonTruth(events);
        ProcessTree tree = CorpusEvidence.buffered(events.stream().map(CorpusEvidence::withoutGuids).toList());
        LinkAccuracy a = LinkAccuracy.measure(tree, truth::processOfStart, truth::parentOf, truth::started);
        ROWS.add(a.row("real: DeepBlueCLI and EVTX-to-MITRE-Attack Sysmon 1, GUIDs dropped (id, time, image, command line)"));
        assertEquals(0, a.wrong() + a.unseenWrong(), a.toString());
        assertTrue(a.children() >= 50, a.toString());
    }

    private static LinkAccuracy measure(String name, ProcessStoryGenerator.Options options,
                                        UnaryOperator<Event> strip) {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(options);
        SightingBuffer buffer = new SightingBuffer();
        evidence.events().forEach(e -> buffer.accept(strip.apply(e)));
        ProcessTree tree = buffer.build(TreeOptions.defaults());
        LinkAccuracy accuracy = GeneratedTreeTest.measure(evidence, tree);
        ROWS.add(accuracy.row("fixture: " + name));
        return accuracy;
    }

    @AfterAll
    static void printTable() {
        System.out.println("| evidence | children | parent seen | right | wrong | missed | parent unseen | unseen linked"
                + " | precision | recall | accuracy |");
        ROWS.stream().sorted().forEach(System.out::println);
    }
}
