package org.sigmascope.report.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.proctree.AttackStory;
import org.sigmascope.proctree.LinkKind;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.ProcessTreeBuilder;
import org.sigmascope.proctree.Selection;
import org.sigmascope.proctree.SightingReader;
import org.sigmascope.report.model.ProcessNode;
import org.sigmascope.report.model.ProcessNode.LinkConfidence;
import org.sigmascope.store.query.SqlFilter;

/**
 * The process trees of a case, cut to the attack story: the processes detections fired on, their ancestors and
 * their descendants, each with how its parent link was made. The tree is built from the case's process events in
 * time order, as the app builds it, so links are the same ones the analyst saw.
 */
final class CaseTrees {
    private CaseTrees() {
    }

    /**
     * The events that say something about processes ({@link SightingReader#SELECTORS}): the tree reads nothing
     * else, so a case's logons, service and other events need not be read to build it.
     */
    static SqlFilter processEvents() {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SightingReader.Selector selector : SightingReader.SELECTORS) {
            String ids = selector.eventIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            terms.add("((lower(e.channel) = ? OR lower(e.provider) = ?) AND e.event_id IN (" + ids + "))");
            params.add(selector.channel().toLowerCase(Locale.ROOT));
            params.add(selector.provider().toLowerCase(Locale.ROOT));
        }
        return new SqlFilter(String.join(" OR ", terms), params);
    }

    static List<ProcessNode> nodes(Iterable<Event> eventsInTimeOrder, List<Detection> detections) {
        ProcessTree tree;
        ProcessTreeBuilder builder = new ProcessTreeBuilder();
        try {
            eventsInTimeOrder.forEach(builder::accept);
            tree = builder.build();
        } catch (RuntimeException e) {
            builder.close();
            throw e;
        }
        Map<Integer, List<ProcessNode.Badge>> badges = badges(tree, detections);
        long[] ids = detections.stream().mapToLong(d -> d.event().id()).toArray();
        Selection story = AttackStory.of(tree, ids).selection();
        List<ProcessNode> nodes = new ArrayList<>();
        for (int p : story.members()) {
            nodes.add(node(tree.process(p), badges.getOrDefault(p, List.of())));
        }
        return nodes;
    }

    private static Map<Integer, List<ProcessNode.Badge>> badges(ProcessTree tree, List<Detection> detections) {
        Map<Integer, List<ProcessNode.Badge>> badges = new HashMap<>();
        for (Detection d : detections) {
            int p = tree.processOfEvent(d.event().id());
            if (p >= 0) {
                badges.computeIfAbsent(p, k -> new ArrayList<>())
                        .add(new ProcessNode.Badge(d.rule().title(), d.rule().level(), d.event().id()));
            }
        }
        return badges;
    }

    private static ProcessNode node(Process process, List<ProcessNode.Badge> badges) {
        long startEvent = process.sysmonStartEvent() >= 0 ? process.sysmonStartEvent() : process.securityStartEvent();
        String parent = process.parent() < 0 ? null : key(process.parent());
        return new ProcessNode(key(process.id()), process.host(), process.image(), process.pid(), process.start(),
                process.end(), process.user(), process.commandLine(), parent, confidence(process.link().kind()),
                startEvent, badges);
    }

    /** A process's id in the tree: stable for a case, since the tree orders processes by host and start. */
    private static String key(int p) {
        return "p" + p;
    }

    private static LinkConfidence confidence(LinkKind kind) {
        return switch (kind) {
            case EXACT -> LinkConfidence.EXACT;
            case INFERRED -> LinkConfidence.INFERRED;
            case UNKNOWN -> LinkConfidence.UNKNOWN;
        };
    }
}
