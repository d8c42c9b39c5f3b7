package org.sigmascope.report.html;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sigmascope.report.model.ProcessNode;

/**
 * The processes with detections, with their ancestors and descendants, per host. Each parent link says how it was
 * made (exact, inferred, unknown). Evidence can make a tree with a cycle (a reused pid linked by inference), so
 * every walk remembers where it has been.
 */
final class ProcessTreeSection {
    /** Descendants shown under one flagged process; a fork bomb must not make the report unreadable. */
    private static final int MAX_DESCENDANTS = 200;
    private static final int MAX_DEPTH = 64;
    private static final Comparator<ProcessNode> ORDER = Comparator
            .comparing(ProcessNode::start, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(ProcessNode::pid).thenComparing(ProcessNode::key);

    private final ReportView view;
    private final Map<String, ProcessNode> byKey = new TreeMap<>();
    private final Map<String, List<ProcessNode>> children = new TreeMap<>();

    private ProcessTreeSection(ReportView view) {
        this.view = view;
        for (ProcessNode node : view.data.processes()) {
            byKey.putIfAbsent(node.key(), node);
        }
        for (ProcessNode node : byKey.values()) {
            if (node.parentKey() != null && byKey.containsKey(node.parentKey())) {
                children.computeIfAbsent(node.parentKey(), k -> new ArrayList<>()).add(node);
            }
        }
        children.values().forEach(list -> list.sort(ORDER));
    }

    static void write(HtmlOut out, ReportView view) {
        new ProcessTreeSection(view).trees(out);
    }

    private boolean flagged(ProcessNode node) {
        return node.badges().stream().anyMatch(b -> b.level().atLeast(view.options.minLevel()));
    }

    private void trees(HtmlOut out) {
        Set<String> shown = new HashSet<>();
        for (ProcessNode node : byKey.values()) {
            if (flagged(node)) {
                shown.add(node.key());
                ancestors(node, shown);
                descendants(node, shown);
            }
        }
        if (shown.isEmpty()) {
            Parts.empty(out, view.data.processes().isEmpty()
                    ? "No process trees were built for this report."
                    : "No process has a detection at this level threshold.");
            return;
        }
        Parts.note(out, "Processes with detections, their ancestors and descendants. Parent links: exact = by "
                + "process GUID; inferred = by process id on the same host, the parent started first (a reused "
                + "process id can mislead); unknown = the parent is not in the evidence.");
        Map<String, List<ProcessNode>> rootsByHost = new TreeMap<>();
        for (String key : new TreeSet<>(shown)) {
            ProcessNode node = byKey.get(key);
            if (node.parentKey() == null || !shown.contains(node.parentKey())) {
                rootsByHost.computeIfAbsent(node.host(), h -> new ArrayList<>()).add(node);
            }
        }
        rootsByHost.forEach((host, roots) -> {
            roots.sort(ORDER);
            out.element("h3", host.isEmpty() ? "(no computer name)" : host).open("ul", "class", "tree");
            Set<String> drawn = new HashSet<>();
            for (ProcessNode root : roots) {
                node(out, root, shown, drawn, 0);
            }
            out.close("ul");
        });
    }

    private void ancestors(ProcessNode node, Set<String> shown) {
        ProcessNode current = node;
        int steps = 0;
        while (current.parentKey() != null && steps++ < MAX_DEPTH) {
            ProcessNode parent = byKey.get(current.parentKey());
            if (parent == null || !shown.add(parent.key())) {
                return;
            }
            current = parent;
        }
    }

    private void descendants(ProcessNode node, Set<String> shown) {
        Deque<ProcessNode> queue = new ArrayDeque<>(children.getOrDefault(node.key(), List.of()));
        int added = 0;
        while (!queue.isEmpty() && added < MAX_DESCENDANTS) {
            ProcessNode child = queue.poll();
            if (shown.add(child.key())) {
                added++;
                queue.addAll(children.getOrDefault(child.key(), List.of()));
            }
        }
    }

    private void node(HtmlOut out, ProcessNode node, Set<String> shown, Set<String> drawn, int depth) {
        if (!drawn.add(node.key()) || depth > MAX_DEPTH) {
            return;
        }
        out.open("li");
        ProcessBox.write(out, view, node, flagged(node));
        List<ProcessNode> kids = children.getOrDefault(node.key(), List.of()).stream()
                .filter(k -> shown.contains(k.key()) && !drawn.contains(k.key())).toList();
        if (!kids.isEmpty()) {
            out.open("ul");
            for (ProcessNode kid : kids) {
                node(out, kid, shown, drawn, depth + 1);
            }
            out.close("ul");
        }
        out.close("li");
    }
}
