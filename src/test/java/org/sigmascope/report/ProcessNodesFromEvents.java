package org.sigmascope.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.report.model.ProcessNode;
import org.sigmascope.report.model.ProcessNode.LinkConfidence;

/**
 * Process nodes for the report tests, made from real process-start events: Sysmon 1 linked by ProcessGuid (exact),
 * Security 4688 linked by parent process id on the same host, the parent started first (inferred); Sysmon 5 ends
 * a process. A plain reading of the evidence so the tests need not wait for {@code org.sigmascope.proctree}; the
 * report only sees {@link ProcessNode}s, whoever makes them.
 */
final class ProcessNodesFromEvents {
    private ProcessNodesFromEvents() {
    }

    static List<ProcessNode> build(List<Event> events, List<Detection> detections) {
        Map<Long, List<ProcessNode.Badge>> badges = new HashMap<>();
        for (Detection d : detections) {
            badges.computeIfAbsent(d.event().id(), k -> new ArrayList<>())
                    .add(new ProcessNode.Badge(d.rule().title(), d.rule().level(), d.event().id()));
        }
        Map<String, ProcessNode> nodes = new LinkedHashMap<>();
        Map<String, Event> ends = new HashMap<>();
        for (Event e : events.stream().sorted(DetectionOrder.EVENTS).toList()) {
            boolean sysmon = e.channel().equals("Microsoft-Windows-Sysmon/Operational");
            if (sysmon && e.eventId() == 5) {
                ends.put(e.computer() + "|" + e.fields().text("ProcessGuid"), e);
            } else if (sysmon && e.eventId() == 1) {
                String key = e.computer() + "|" + e.fields().text("ProcessGuid");
                String parent = e.computer() + "|" + e.fields().text("ParentProcessGuid");
                boolean known = nodes.containsKey(parent);
                nodes.put(key, node(key, e, e.fields().text("Image"), EventFactory.longOr(e.fields().get("ProcessId"),
                        -1), e.fields().text("User"), known ? parent : null, LinkConfidence.EXACT, badges));
            } else if (e.channel().equals("Security") && e.eventId() == 4688) {
                long pid = EventFactory.longOr(e.fields().get("NewProcessId"), -1);
                long parentPid = EventFactory.longOr(e.fields().get("ProcessId"), -1);
                String key = e.computer() + "|" + pid + "|" + e.id();
                String parent = null;
                for (ProcessNode candidate : nodes.values()) {
                    if (candidate.host().equals(e.computer()) && candidate.pid() == parentPid
                            && candidate.start() != null && !candidate.start().isAfter(e.timestamp())) {
                        parent = candidate.key(); // the latest start wins: the list is in time order
                    }
                }
                nodes.put(key, node(key, e, e.fields().text("NewProcessName"), pid, e.fields().text("SubjectUserName"),
                        parent, LinkConfidence.INFERRED, badges));
            }
        }
        List<ProcessNode> result = new ArrayList<>();
        for (ProcessNode n : nodes.values()) {
            Event end = ends.get(n.key());
            result.add(end == null ? n : new ProcessNode(n.key(), n.host(), n.image(), n.pid(), n.start(),
                    end.timestamp(), n.user(), n.commandLine(), n.parentKey(), n.parentLink(), n.startEvent(),
                    n.badges()));
        }
        return result;
    }

    private static ProcessNode node(String key, Event e, String image, long pid, String user, String parent,
                                    LinkConfidence link, Map<Long, List<ProcessNode.Badge>> badges) {
        return new ProcessNode(key, e.computer(), image, pid, e.timestamp(), null, user,
                e.fields().text("CommandLine"), parent, link, e.id(), badges.getOrDefault(e.id(), List.of()));
    }
}
