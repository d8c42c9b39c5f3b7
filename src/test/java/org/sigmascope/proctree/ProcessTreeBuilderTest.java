package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Event;

/** The linking rules, one at a time, on hand-made events. */
class ProcessTreeBuilderTest {
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    private static final String NOTEPAD = "C:\\Windows\\System32\\notepad.exe";
    private static final String EXPLORER = "C:\\Windows\\explorer.exe";
    private static final String WHOAMI = "C:\\Windows\\System32\\whoami.exe";
    private static final long USER = 0x5d2a1;
    private static final long SYSTEM = 0x3e7;
    private static final String G1 = "{6B8A1C2D-0001-6571-0007-000000001A00}";
    private static final String G2 = "{6B8A1C2D-0002-6571-0007-000000001A00}";
    private static final String G3 = "{6B8A1C2D-0003-6571-0007-000000001A00}";

    private final TestEvents e = new TestEvents();

    private static int byStart(ProcessTree tree, Event start) {
        int p = tree.processOfEvent(start.id());
        assertTrue(p >= 0, "no process for event " + start.id());
        return p;
    }

    @Test
    void theLatestLiveHolderOfTheIdIsTheParent() {
        Event first = e.securityStart(1, 100, CMD, "cmd /c a", 4, null, USER, 0);
        Event stop = e.securityStop(2, 100, CMD, USER);
        Event second = e.securityStart(3, 100, CMD, "cmd /c b", 4, null, USER, 0);
        Event child = e.securityStart(3.5, 200, WHOAMI, "whoami", 100, CMD, USER, 0);
        ProcessTree tree = TestEvents.build(first, stop, second, child);
        int c = byStart(tree, child);
        Link link = tree.link(c);
        assertEquals(LinkKind.INFERRED, link.kind());
        assertEquals(LinkReason.PID_AND_TIME, link.reason());
        assertEquals(byStart(tree, second), link.parent());
        assertEquals(Duration.ofMillis(500), link.gap());
        assertEquals(Check.AGREED, link.logon());
        assertEquals(Check.AGREED, link.image());
        assertEquals(Check.NOT_COMPARED, link.commandLine());
        assertEquals(TestEvents.at(2), tree.process(byStart(tree, first)).end());
    }

    @Test
    void anIdWhoseHolderStoppedWasReused() {
        Event first = e.securityStart(1, 100, CMD, "cmd /c a", 4, null, USER, 0);
        Event stop = e.securityStop(2, 100, CMD, USER);
        Event child = e.securityStart(5, 200, WHOAMI, "whoami", 100, CMD, USER, 0);
        ProcessTree tree = TestEvents.build(first, stop, child);
        int c = byStart(tree, child);
        Link link = tree.link(c);
        assertEquals(LinkKind.UNKNOWN, link.kind());
        assertEquals(LinkReason.PID_REUSED, link.reason());
        assertEquals(byStart(tree, first), link.candidate());
        Process parent = tree.process(link.parent());
        assertTrue(parent.placeholder());
        assertEquals(100, parent.pid());
        assertEquals(CMD, parent.image(), "built from what the child says");
        assertEquals(USER, parent.logonId(), "the creator's logon session");
        assertTrue(LinkExplainer.explain(tree, c).contains("reused"), LinkExplainer.explain(tree, c));
    }

    @Test
    void aHolderInAnotherLogonSessionIsRefused() {
        Event holder = e.securityStart(1, 100, CMD, "cmd", 4, null, SYSTEM, 0);
        Event child = e.securityStart(2, 200, WHOAMI, "whoami", 100, CMD, USER, 0);
        ProcessTree tree = TestEvents.build(holder, child);
        Link link = tree.link(byStart(tree, child));
        assertEquals(LinkReason.LOGON_MISMATCH, link.reason());
        assertEquals(Check.DISAGREED, link.logon());
        assertEquals(byStart(tree, holder), link.candidate());
    }

    @Test
    void aRefusalDoesNotHideTheHolderFromEventsThatFitIt() {
        // A creator impersonating a user makes a 4688 whose logon session is not its own: that child's link is
        // refused, but a later child in the holder's own session, and the holder's stop, still find the holder.
        String svchost = "C:\\Windows\\System32\\svchost.exe";
        Event holder = e.securityStart(1, 100, svchost, "svchost -k netsvcs", 4, null, SYSTEM, 0);
        Event impersonated = e.securityStart(2, 200, WHOAMI, "whoami", 100, svchost, USER, 0);
        Event own = e.securityStart(3, 204, CMD, "cmd", 100, svchost, SYSTEM, 0);
        Event stop = e.securityStop(4, 100, svchost, SYSTEM);
        ProcessTree tree = TestEvents.build(holder, impersonated, own, stop);
        int h = byStart(tree, holder);
        assertEquals(LinkReason.LOGON_MISMATCH, tree.link(byStart(tree, impersonated)).reason());
        Link link = tree.link(byStart(tree, own));
        assertEquals(LinkKind.INFERRED, link.kind());
        assertEquals(h, link.parent());
        assertEquals(h, tree.processOfEvent(stop.id()));
        assertEquals(TestEvents.at(4), tree.process(h).end());
    }

    @Test
    void aHolderRunningAnotherImageIsRefused() {
        Event holder = e.securityStart(1, 100, NOTEPAD, "notepad", 4, null, USER, 0);
        Event child = e.securityStart(2, 200, WHOAMI, "whoami", 100, CMD, USER, 0);
        ProcessTree tree = TestEvents.build(holder, child);
        Link link = tree.link(byStart(tree, child));
        assertEquals(LinkReason.IMAGE_MISMATCH, link.reason());
        assertEquals(Check.DISAGREED, link.image());
    }

    @Test
    void aHolderStartedWithAnotherCommandLineIsRefused() {
        Event holder = e.sysmonStart(1, 100, G1, CMD, "cmd.exe /c one", 4, null, null);
        Event child = withoutGuids(e.sysmonStart(2, 200, G2, WHOAMI, "whoami", 100, G1, CMD));
        Event childWithClaim = child.withFields(org.sigmascope.model.Fields.of(new java.util.LinkedHashMap<>(
                child.fields().with(java.util.Map.of("ParentCommandLine", "cmd.exe /c two")).asMap())));
        ProcessTree tree = TestEvents.build(withoutGuids(holder), childWithClaim);
        Link link = tree.link(byStart(tree, childWithClaim));
        assertEquals(LinkReason.COMMAND_LINE_MISMATCH, link.reason());
        assertEquals(Check.DISAGREED, link.commandLine());
    }

    @Test
    void sysmonAndSecurityViewsOfOneStartAreMerged() {
        Event sysmon = e.sysmonStart(10.001, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        Event security = e.securityStart(10.0005, 300, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        ProcessTree tree = TestEvents.build(security, sysmon);
        int p = byStart(tree, sysmon);
        assertEquals(p, byStart(tree, security));
        Process process = tree.process(p);
        assertEquals(Set.of(Witness.SYSMON, Witness.SECURITY), process.startedBy());
        assertEquals(Guid.parseOrNull(G2), process.guid());
        assertEquals(TestEvents.at(10.0005), process.start(), "the earlier of the two times");
        assertEquals(LinkKind.EXACT, tree.link(p).kind(), "the Sysmon view names the parent's GUID");
        assertEquals(1, tree.stats().mergedStarts());
        assertEquals(2, tree.size(), "notepad.exe and its explorer.exe placeholder");
    }

    @Test
    void viewsFurtherApartThanTheToleranceStayTwoProcesses() {
        Event sysmon = e.sysmonStart(10, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        Event security = e.securityStart(13, 300, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        ProcessTree tree = TestEvents.build(sysmon, security);
        assertTrue(byStart(tree, sysmon) != byStart(tree, security));
        assertEquals(0, tree.stats().mergedStarts());
    }

    @Test
    void anActivityBeforeTheStartBelongsToTheProcessByGuid() {
        // Sysmon can log an access to a process a few milliseconds before the start event of that process.
        Event access = e.sysmonActivity(10, 0.990, 300, G2, NOTEPAD);
        Event start = e.sysmonStart(1, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        ProcessTree tree = TestEvents.build(access, start);
        int p = byStart(tree, start);
        assertEquals(p, tree.processOfEvent(access.id()));
        assertFalse(tree.process(p).placeholder());
        assertEquals(1, tree.process(p).activity(ActivityKind.PROCESS_ACCESS));
        assertEquals(TestEvents.at(0.990), tree.process(p).firstSeen());
    }

    @Test
    void activitiesWithoutGuidGoToTheLiveHolderOfTheId() {
        Event start = e.securityStart(1, 300, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        Event during = e.securityNetwork(2, 300, "\\device\\harddiskvolume2\\windows\\system32\\notepad.exe");
        Event stop = e.securityStop(3, 300, NOTEPAD, USER);
        Event late = e.securityNetwork(4, 300, "\\device\\harddiskvolume2\\windows\\system32\\notepad.exe");
        Event after = e.securityNetwork(9, 300, "\\device\\harddiskvolume2\\windows\\system32\\notepad.exe");
        ProcessTree tree = TestEvents.build(start, during, stop, late, after);
        int p = byStart(tree, start);
        assertEquals(p, tree.processOfEvent(during.id()));
        assertEquals(p, tree.processOfEvent(late.id()), "within the tolerance after the stop");
        int other = tree.processOfEvent(after.id());
        assertTrue(other != p && tree.process(other).placeholder(), "long after the stop: another process");
        assertEquals(2, tree.process(p).activity(ActivityKind.NETWORK));
    }

    @Test
    void bothLogsStoppingOneProcessGiveOneStop() {
        Event start = e.sysmonStart(1, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        Event sysmonStop = e.sysmonStop(5.001, 300, G2, NOTEPAD);
        Event securityStop = e.securityStop(5.0005, 300, NOTEPAD, USER);
        ProcessTree tree = TestEvents.build(start, securityStop, sysmonStop);
        int p = byStart(tree, start);
        assertEquals(p, tree.processOfEvent(sysmonStop.id()));
        assertEquals(p, tree.processOfEvent(securityStop.id()));
        assertEquals(TestEvents.at(5.0005), tree.process(p).end());
        assertEquals(2, tree.size());
    }

    @Test
    void siblingsOfAnUnseenParentShareItsPlaceholder() {
        Event a = e.securityStart(1, 200, WHOAMI, "whoami", 500, CMD, USER, 0);
        Event b = e.securityStart(2, 204, NOTEPAD, "notepad", 500, CMD, USER, 0);
        ProcessTree tree = TestEvents.build(a, b);
        int pa = byStart(tree, a);
        int pb = byStart(tree, b);
        assertEquals(tree.parent(pa), tree.parent(pb));
        assertEquals(LinkReason.NEVER_SEEN, tree.link(pa).reason());
        assertEquals(LinkReason.NEVER_SEEN, tree.link(pb).reason());
        assertEquals(LinkKind.UNKNOWN, tree.link(pb).kind(), "a parent known only from its children is unknown");
        assertArrayEquals(new int[] {pa, pb}, tree.children(tree.parent(pa)));
        assertEquals(3, tree.size());
    }

    @Test
    void aLoopOfGuidsIsCut() {
        Event a = e.sysmonStart(1, 100, G1, CMD, "cmd", 200, G2, CMD);
        Event b = e.sysmonStart(2, 200, G2, CMD, "cmd", 100, G1, CMD);
        ProcessTree tree = TestEvents.build(a, b);
        assertEquals(1, tree.stats().cyclesBroken());
        for (int p = 0; p < tree.size(); p++) {
            assertTrue(tree.ancestors(p).length < tree.size());
        }
        assertTrue(Arrays.stream(new int[] {0, 1}).anyMatch(p -> tree.link(p).reason() == LinkReason.CYCLE));
    }

    @Test
    void theSameLogAddedTwiceAddsNothing() {
        Event start = e.sysmonStart(1, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        Event again = e.sysmonStart(1, 300, G2, NOTEPAD, "notepad", 100, G1, EXPLORER);
        Event securityStart = e.securityStart(2, 400, CMD, "cmd", 4, null, SYSTEM, 0);
        Event securityAgain = e.securityStart(2, 400, CMD, "cmd", 4, null, SYSTEM, 0);
        ProcessTree tree = TestEvents.build(start, again, securityStart, securityAgain);
        assertEquals(2, tree.stats().duplicates());
        assertEquals(byStart(tree, start), byStart(tree, again));
        assertEquals(byStart(tree, securityStart), byStart(tree, securityAgain));
    }

    @Test
    void unreadableIdsAreReportedWithTheirEvent() {
        Event bad = e.securityStart(1, 300, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        Event garbled = bad.withFields(bad.fields().with(java.util.Map.of("NewProcessId", "0xZZ")));
        ProcessTree tree = TestEvents.build(garbled);
        assertEquals(1, tree.stats().problems());
        assertEquals(List.of("event 1 (WS01.corp.example, record 1): NewProcessId '0xZZ' is not a process id"),
                tree.problems());
        assertEquals(1, Arrays.stream(tree.processesOf(TestEvents.HOST)).filter(p -> !tree.process(p).placeholder())
                .count(), "the start is kept, without an id");
    }

    @Test
    void eventsOutOfTimeOrderAreCounted() {
        Event late = e.securityStart(100, 300, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        Event early = e.securityStart(1, 304, NOTEPAD, "notepad", 100, EXPLORER, USER, 0);
        assertEquals(1, TestEvents.build(late, early).stats().outOfOrder());
        SightingBuffer buffer = new SightingBuffer();
        buffer.accept(late);
        buffer.accept(early);
        assertEquals(0, buffer.build(TreeOptions.defaults()).stats().outOfOrder(), "the buffer puts them in order");
    }

    @Test
    void queriesWalkTheTree() {
        Event explorer = e.sysmonStart(1, 100, G1, EXPLORER, "explorer", 4, null, null);
        Event cmd = e.sysmonStart(2, 200, G2, CMD, "cmd", 100, G1, EXPLORER);
        Event whoami = e.sysmonStart(3, 300, G3, WHOAMI, "whoami", 200, G2, CMD);
        Event stop = e.sysmonStop(4, 300, G3, WHOAMI);
        ProcessTree tree = TestEvents.build(explorer, cmd, whoami, stop);
        int x = byStart(tree, explorer);
        int c = byStart(tree, cmd);
        int w = byStart(tree, whoami);
        int system = tree.parent(x);
        assertTrue(tree.process(system).placeholder(), "pid 4, never seen starting");
        assertArrayEquals(new int[] {c, x, system}, tree.ancestors(w));
        assertArrayEquals(new int[] {x, c, w}, tree.descendants(system));
        assertArrayEquals(new int[] {system}, tree.roots(TestEvents.HOST.toLowerCase(java.util.Locale.ROOT)));
        assertArrayEquals(new int[] {w}, tree.matching(p -> p.name().equals("whoami.exe")));
        assertArrayEquals(new int[] {w}, tree.inRange(TestEvents.HOST, TestEvents.at(3.5), TestEvents.at(3.7)),
                "cmd.exe and explorer.exe have no evidence after 2 s and no stop: not placed in the range");
        Selection selection = Selection.inRange(tree, TestEvents.HOST, TestEvents.at(3.5), TestEvents.at(3.7));
        assertEquals(Selection.Mark.CONTEXT, selection.mark(x));
        assertEquals(Selection.Mark.MATCH, selection.mark(w));
        assertArrayEquals(new int[] {system}, selection.roots());
        assertArrayEquals(new int[] {c}, selection.children(x));
        assertEquals(w, tree.processOf(stop));
        assertNull(tree.process(x).end());
    }

    private static Event withoutGuids(Event event) {
        return CorpusEvidence.withoutGuids(event);
    }
}
