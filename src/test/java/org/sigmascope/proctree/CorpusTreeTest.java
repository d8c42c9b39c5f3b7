package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Event;

/** Trees of real evidence: DeepBlueCLI's Sysmon and Security samples, EVTX-to-MITRE-Attack's samples. */
class CorpusTreeTest {
    static final String[] DEEPBLUE_PROCESS_LOGS = {"metasploit-sysmon", "sliver-sysmon", "sliver-security",
        "metasploit-psexec-native-target-security", "metasploit-psexec-powershell-target-security",
        "powersploit-security", "powersploit-system", "psattack-security", "mimikatz-privesc-hashdump"};

    @TempDir
    Path temp;

    @Test
    void everyGuidLinkInTheCorpusIsRight() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : DEEPBLUE_PROCESS_LOGS) {
            files.add(org.sigmascope.Corpus.path(CorpusEvidence.DEEPBLUE + name + ".evtx.evtx-crate-0.8.5.jsonl.gz"));
        }
        files.addAll(CorpusEvidence.mitreFiles());
        List<Event> events = CorpusEvidence.read(temp, files);
        ProcessTree tree = CorpusEvidence.buffered(events);
        int checked = 0;
        for (Event event : events) {
            Guid claimed = Guid.parseOrNull(event.fields().text("ParentProcessGuid"));
            if (event.eventId() != 1 || claimed == null) {
                continue;
            }
            int p = tree.processOfEvent(event.id());
            assertTrue(p >= 0, "event " + event.id() + " has no process");
            assertEquals(Guid.parseOrNull(event.fields().text("ProcessGuid")), tree.process(p).guid());
            Link link = tree.link(p);
            assertEquals(LinkKind.EXACT, link.kind(), () -> "event " + event.id() + ": " + LinkExplainer.explain(tree, p));
            assertEquals(claimed, tree.process(link.parent()).guid(), "event " + event.id());
            checked++;
        }
        assertEquals(56, checked, "Sysmon 1 events naming a parent GUID in these samples (4 more name the zero GUID)");
        assertEquals(0, tree.stats().problems(), tree.problems().toString());
        assertEquals(0, tree.stats().cyclesBroken());
    }

    @Test
    void sysmonAndSecurityViewsOfOneStartAreOneProcess() throws IOException {
        List<Event> events = CorpusEvidence.deepBlue(temp, "sliver-sysmon", "sliver-security");
        ProcessTree tree = CorpusEvidence.buffered(events);
        long sysmonStarts = events.stream().filter(e -> e.eventId() == 1).count();
        assertEquals(13, sysmonStarts);
        assertEquals(13, tree.stats().mergedStarts(), "each Sysmon 1 has its 4688 twin in the Security log");
        assertEquals(28, Arrays.stream(tree.processesOf("VALKYRIE.galactica.cc"))
                .filter(p -> !tree.process(p).placeholder()).count(), "28 starts in the Security log");
        int payload = only(tree, p -> p.name().equals("JOINT_BALL.exe"));
        Process joint = tree.process(payload);
        assertEquals(java.util.Set.of(Witness.SYSMON, Witness.SECURITY), joint.startedBy());
        assertEquals(12236, joint.pid());
        assertEquals(0x3e2f5f3L, joint.logonId(), "the 4688's TargetLogonId");
        assertNotNull(joint.guid(), "the Sysmon view's GUID");
        int[] chain = tree.ancestors(payload);
        assertEquals(List.of("cmd.exe", "WmiPrvSE.exe"), Arrays.stream(chain).mapToObj(a -> tree.process(a).name())
                .toList());
        assertEquals(LinkKind.EXACT, tree.link(payload).kind());
        assertTrue(tree.process(chain[1]).placeholder(), "WmiPrvSE.exe started before the logs begin");
        // conhost.exe is only in the Security log: linked to its cmd.exe by process id, time and logon session.
        int conhost = tree.children(chain[0])[0];
        assertEquals("conhost.exe", tree.process(conhost).name());
        Link link = tree.link(conhost);
        assertEquals(LinkKind.INFERRED, link.kind());
        assertEquals(Check.AGREED, link.logon());
        assertEquals(Check.AGREED, link.image());
        assertTrue(link.gap().toMillis() < 10, link.gap().toString());
        assertTrue(tree.process(payload).activity(ActivityKind.PROCESS_ACCESS) > 0);
    }

    @Test
    void theSecurityLogAloneLinksWhatSysmonLinks() throws IOException {
        List<Event> events = CorpusEvidence.deepBlue(temp, "sliver-sysmon", "sliver-security");
        SysmonTruth truth = new SysmonTruth(events);
        List<Event> security = events.stream().filter(e -> e.channel().equals("Security")).toList();
        truth.pairSecurityStarts(events);
        ProcessTree tree = CorpusEvidence.buffered(security);
        LinkAccuracy accuracy = LinkAccuracy.measure(tree, truth::processOfStart, truth::parentOf,
                LinkAccuracy.startedIn(tree, truth::processOfStart));
        System.out.println(accuracy.row("DeepBlueCLI sliver, Security 4688 only"));
        assertEquals(0, accuracy.wrong() + accuracy.unseenWrong(), accuracy.toString());
        assertTrue(accuracy.children() >= 10, accuracy.toString());
    }

    static int only(ProcessTree tree, java.util.function.Predicate<Process> predicate) {
        int[] found = tree.matching(predicate);
        assertEquals(1, found.length, "processes matching");
        return found[0];
    }
}
