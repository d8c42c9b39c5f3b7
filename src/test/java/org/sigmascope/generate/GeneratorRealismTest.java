package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Schemas;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.task.Cancellation;

/**
 * What an analyst expects of a Windows host's logs, checked on a generated run: exact counts, time order, one
 * channel per file, process trees with consistent GUIDs, Windows pids and their reuse, Sysmon and 4688 views of
 * the same starts, logon ids tying 4624 to the processes of the session, every event kind the issue names.
 */
class GeneratorRealismTest {
    private static final int EVENTS = 24_000;
    private static Capture capture;
    private static GenerationSummary summary;

    @BeforeAll
    static void generate(@TempDir Path dir) throws IOException {
        capture = new Capture(OutputFormat.JSONL.factory());
        summary = Generator.run(GenerateOptions.of(4, EVENTS, 2024, OutputFormat.JSONL, dir), capture,
                (d, t, m) -> { }, Cancellation.NEVER);
    }

    private static List<SimEvent> events(String host, EventSchema schema) {
        List<SimEvent> found = new ArrayList<>();
        for (Capture.Written w : capture.all()) {
            if (w.event().computer().startsWith(host) && w.event().schema() == schema) {
                found.add(w.event());
            }
        }
        return found;
    }

    @Test
    void exactlyTheEventsAskedForInTimeOrderOneChannelPerFile() {
        assertEquals(EVENTS, summary.events());
        assertEquals(EVENTS, capture.all().size());
        long injected = capture.all().stream().filter(w -> w.event().injection() != null).count();
        assertEquals(injected, summary.truth().size());
        for (Map.Entry<Path, List<Capture.Written>> file : capture.files().entrySet()) {
            List<Capture.Written> events = file.getValue();
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).recordId(), file.getKey().toString());
                assertEquals(events.get(0).event().schema().channel(), events.get(i).event().schema().channel());
                if (i > 0) {
                    assertTrue(events.get(i - 1).event().filetime() <= events.get(i).event().filetime(),
                            file.getKey() + " record " + (i + 1) + " is not in time order");
                }
            }
        }
    }

    @Test
    void everyEventKindTheIssueNamesIsThere() {
        Set<String> kinds = new TreeSet<>();
        capture.all().forEach(w -> kinds.add(w.event().schema().channel().channelName() + " "
                + w.event().schema().eventId()));
        for (int id : new int[] {1, 3, 5, 7, 10, 11, 12, 13, 19, 20, 21, 22}) {
            assertTrue(kinds.contains("Microsoft-Windows-Sysmon/Operational " + id), kinds + " lacks Sysmon " + id);
        }
        for (int id : new int[] {4624, 4688, 4689, 4698}) {
            assertTrue(kinds.contains("Security " + id), kinds + " lacks Security " + id);
        }
        assertTrue(kinds.contains("Microsoft-Windows-WMI-Activity/Operational 5861"), kinds.toString());
        assertTrue(kinds.contains("System 7045"), kinds.toString());
        assertTrue(kinds.contains("Microsoft-Windows-PowerShell/Operational 4104"), kinds.toString());
    }

    @Test
    void processIdsAreWindowsLikeAndReused() {
        boolean reused = false;
        for (String host : List.of("WS01", "WS03", "WS04")) {
            Map<Long, Set<Object>> guidsByPid = new HashMap<>();
            for (SimEvent e : events(host, Schemas.SYSMON_PROCESS_CREATE)) {
                long pid = (Long) e.value("ProcessId");
                assertEquals(0, pid % 4, host + ": pid " + pid);
                guidsByPid.computeIfAbsent(pid, k -> new HashSet<>()).add(e.value("ProcessGuid"));
            }
            reused |= guidsByPid.values().stream().anyMatch(guids -> guids.size() > 1);
        }
        assertTrue(reused, "some pid is reused by a later process (with a new ProcessGuid)");
    }

    @Test
    void sysmonAnd4688SeeTheSameStarts() {
        List<SimEvent> sysmon = events("WS01", Schemas.SYSMON_PROCESS_CREATE);
        List<SimEvent> security = events("WS01", Schemas.SECURITY_PROCESS_CREATE);
        // The log may end between a start's two views; every other start is in both, with the same details.
        assertTrue(Math.abs(sysmon.size() - security.size()) <= 1, sysmon.size() + " vs " + security.size());
        // Sysmon logs 1 to 12 ms after the kernel's 4688, so two close starts may be logged in either order.
        int matched = 0;
        for (SimEvent s : sysmon) {
            for (SimEvent a : security) {
                if (s.value("ProcessId").equals(a.value("NewProcessId")) && Math.abs(s.filetime() - a.filetime()) < 200_000) {
                    assertEquals(s.value("Image"), a.value("NewProcessName"));
                    assertEquals(s.value("CommandLine"), a.value("CommandLine"));
                    assertEquals(s.value("ParentProcessId"), a.value("ProcessId"));
                    matched++;
                    break;
                }
            }
        }
        assertTrue(matched >= Math.min(sysmon.size(), security.size()) - 1, matched + " of " + sysmon.size());
        assertTrue(events("WS03", Schemas.SECURITY_PROCESS_CREATE).stream()
                .allMatch(e -> "".equals(e.value("CommandLine"))), "WS03 audits process creation without command line");
        assertTrue(events("WS02", Schemas.SYSMON_PROCESS_CREATE).isEmpty(), "WS02 has no Sysmon");
        assertTrue(events("WS04", Schemas.SECURITY_PROCESS_CREATE).isEmpty(), "WS04 has no process auditing");
    }

    @Test
    void logonIdsTieLogonsToTheirProcesses() {
        for (String host : List.of("WS01", "WS02")) {
            Set<Object> logons = new HashSet<>();
            events(host, Schemas.SECURITY_LOGON).forEach(e -> logons.add(e.value("TargetLogonId")));
            int userStarts = 0;
            for (SimEvent e : events(host, Schemas.SECURITY_PROCESS_CREATE)) {
                Object subject = e.value("SubjectLogonId");
                if (!e.value("SubjectUserSid").toString().startsWith("S-1-5-21-")) {
                    continue;
                }
                userStarts++;
                assertTrue(logons.contains(subject), host + ": 4688 SubjectLogonId " + subject
                        + " has a 4624 with that TargetLogonId");
            }
            assertTrue(userStarts > 20, host + ": the user starts programs");
        }
    }

    @Test
    void processTreesHangTogether() {
        Map<Object, SimEvent> byGuid = new HashMap<>();
        for (SimEvent e : events("WS01", Schemas.SYSMON_PROCESS_CREATE)) {
            byGuid.put(e.value("ProcessGuid"), e);
        }
        int orphans = 0;
        for (SimEvent e : byGuid.values()) {
            SimEvent parent = byGuid.get(e.value("ParentProcessGuid"));
            if (parent == null) {
                orphans++;
                assertEquals("System", e.value("ParentImage"), "only System's child has no logged parent");
            } else {
                assertEquals(parent.value("ProcessId"), e.value("ParentProcessId"));
                assertEquals(parent.value("Image"), e.value("ParentImage"));
                assertTrue(parent.filetime() <= e.filetime());
            }
        }
        assertEquals(1, orphans);
        assertEquals("C:\\Windows\\System32\\userinit.exe", parentImage(byGuid, "C:\\Windows\\explorer.exe"));
        assertEquals("C:\\Windows\\System32\\winlogon.exe", parentImage(byGuid, "C:\\Windows\\System32\\userinit.exe"));
        assertEquals("C:\\Windows\\System32\\wininit.exe", parentImage(byGuid, "C:\\Windows\\System32\\services.exe"));
        assertEquals("C:\\Windows\\System32\\smss.exe", parentImage(byGuid, "C:\\Windows\\System32\\wininit.exe"));
    }

    private static String parentImage(Map<Object, SimEvent> byGuid, String image) {
        SimEvent child = byGuid.values().stream().filter(e -> image.equals(e.value("Image"))).findFirst().orElse(null);
        assertNotNull(child, image + " was started");
        return (String) child.value("ParentImage");
    }
}
