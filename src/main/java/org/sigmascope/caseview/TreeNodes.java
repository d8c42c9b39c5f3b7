package org.sigmascope.caseview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.proctree.AttackStory;
import org.sigmascope.proctree.LinkKind;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessClaims;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;
import org.sigmascope.report.model.ProcessNode;

/**
 * The process trees a report draws: the attack story (the processes detections fired on, their ancestors and what
 * they started), each process with its link's confidence and the detections on it.
 */
public final class TreeNodes {
    private TreeNodes() {
    }

    public static List<ProcessNode> story(ProcessTree tree, List<Detection> detections) {
        long[] ids = detections.stream().mapToLong(d -> d.event().id()).toArray();
        Selection selection = AttackStory.of(tree, ids).selection();
        Map<Integer, List<ProcessNode.Badge>> badges = new java.util.HashMap<>();
        for (Detection d : detections) {
            int p = tree.processOfEvent(d.event().id());
            if (p >= 0) {
                badges.computeIfAbsent(p, k -> new ArrayList<>()).add(new ProcessNode.Badge(d.rule().title(),
                        d.rule().level(), d.event().id()));
            }
        }
        List<ProcessNode> nodes = new ArrayList<>();
        for (int p : selection.members()) {
            Process process = tree.process(p);
            int parent = tree.parent(p);
            nodes.add(new ProcessNode(key(tree, p), process.host(), process.image(),
                    process.pid() == ProcessClaims.NO_PID ? -1 : process.pid(), process.start(), process.end(),
                    process.user(), process.commandLine(), parent >= 0 && selection.contains(parent)
                    ? key(tree, parent) : null, confidence(process.link().kind()),
                    process.sysmonStartEvent() >= 0 ? process.sysmonStartEvent() : process.securityStartEvent(),
                    badges.getOrDefault(p, List.of())));
        }
        return nodes;
    }

    private static String key(ProcessTree tree, int p) {
        return tree.host(p) + "|" + p;
    }

    static ProcessNode.LinkConfidence confidence(LinkKind kind) {
        return switch (kind) {
            case EXACT -> ProcessNode.LinkConfidence.EXACT;
            case INFERRED -> ProcessNode.LinkConfidence.INFERRED;
            case UNKNOWN -> ProcessNode.LinkConfidence.UNKNOWN;
        };
    }
}
