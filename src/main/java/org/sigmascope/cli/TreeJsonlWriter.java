package org.sigmascope.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Timestamps;
import org.sigmascope.proctree.ActivityKind;
import org.sigmascope.proctree.Link;
import org.sigmascope.proctree.LinkExplainer;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessClaims;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;

/** Trees as JSON Lines: one process per line, depth first, each naming its parent (see docs/process-trees.md). */
final class TreeJsonlWriter {
    private TreeJsonlWriter() {
    }

    static void write(TreeReport report, Writer out) throws IOException {
        ProcessTree tree = report.tree();
        Selection selection = report.selection();
        try (JsonGenerator generator = JsonCodec.MAPPER.getFactory().createGenerator(out)) {
            for (String host : report.hosts()) {
                Deque<int[]> stack = new ArrayDeque<>();
                int[] roots = Arrays.stream(selection.roots()).filter(p -> tree.host(p).equals(host)).toArray();
                for (int i = roots.length - 1; i >= 0; i--) {
                    stack.push(new int[] {roots[i], 0});
                }
                while (!stack.isEmpty()) {
                    int[] frame = stack.pop();
                    JsonCodec.writeLine(generator, toJson(report, frame[0], frame[1]));
                    int[] children = selection.children(frame[0]);
                    for (int i = children.length - 1; i >= 0; i--) {
                        stack.push(new int[] {children[i], frame[1] + 1});
                    }
                }
            }
        }
    }

    static ObjectNode toJson(TreeReport report, int p, int depth) {
        ProcessTree tree = report.tree();
        Process process = tree.process(p);
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("host", process.host());
        node.put("process", p);
        putId(node, "parent", process.parent());
        node.put("depth", depth);
        node.put("mark", report.selection().mark(p).name().toLowerCase(Locale.ROOT));
        node.put("placeholder", process.placeholder());
        if (process.pid() == ProcessClaims.NO_PID) {
            node.putNull("pid");
        } else {
            node.put("pid", process.pid());
        }
        node.put("guid", process.guid() == null ? null : process.guid().toString());
        node.put("image", process.image());
        node.put("command_line", process.commandLine());
        node.put("user", process.user());
        node.put("logon_id", process.logonId() == ProcessClaims.NO_LOGON ? null
                : "0x" + Long.toHexString(process.logonId()));
        node.put("start", time(process.start()));
        node.put("end", time(process.end()));
        node.put("first_seen", time(process.firstSeen()));
        node.put("last_seen", time(process.lastSeen()));
        ArrayNode startedBy = node.putArray("started_by");
        process.startedBy().stream().sorted().forEach(w -> startedBy.add(w.name().toLowerCase(Locale.ROOT)));
        node.set("link", link(tree, p));
        ObjectNode events = node.putObject("events");
        events.set("start", refs(report, process.sysmonStartEvent(), process.securityStartEvent()));
        events.set("stop", refs(report, process.stopEvent()));
        ObjectNode activity = node.putObject("activity");
        for (Map.Entry<ActivityKind, Integer> entry : process.activity().entrySet()) {
            activity.put(entry.getKey().key(), entry.getValue());
        }
        ArrayNode detections = node.putArray("detections");
        for (TreeReport.DetectionRef d : report.detections().getOrDefault(p, List.of())) {
            ObjectNode detection = detections.addObject();
            detection.put("rule_id", d.ruleId());
            detection.put("rule_title", d.title());
            detection.put("level", d.level().sigmaName());
            detection.put("timestamp", time(d.timestamp()));
            detection.put("event", d.event());
            detection.put("source", d.where().source());
            detection.put("record_id", d.where().recordId());
        }
        return node;
    }

    private static ObjectNode link(ProcessTree tree, int p) {
        Link link = tree.link(p);
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("kind", link.kind().key());
        node.put("reason", link.reason().key());
        putId(node, "parent", link.parent());
        putId(node, "refused_candidate", link.candidate());
        if (link.gap() == null) {
            node.putNull("gap_seconds");
        } else {
            node.put("gap_seconds", link.gap().toNanos() / 1e9);
        }
        node.put("logon", link.logon().key());
        node.put("image", link.image().key());
        node.put("command_line", link.commandLine().key());
        node.put("explanation", LinkExplainer.explain(tree, p));
        return node;
    }

    private static ArrayNode refs(TreeReport report, long... eventIds) {
        ArrayNode array = JsonCodec.MAPPER.createArrayNode();
        for (long id : eventIds) {
            if (id < 0) {
                continue;
            }
            ObjectNode ref = array.addObject();
            ref.put("event", id);
            TreeReport.EventRef where = report.events().get(id);
            if (where != null) {
                ref.put("source", where.source());
                ref.put("record_id", where.recordId());
            }
        }
        return array;
    }

    private static void putId(ObjectNode node, String name, int id) {
        if (id < 0) {
            node.putNull(name);
        } else {
            node.put(name, id);
        }
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
