package org.sigmascope.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.proctree.LinkExplainer;
import org.sigmascope.proctree.LinkKind;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;

/**
 * Trees as text for a terminal: one line per process (name, id, start and stop, how its parent link was made,
 * detections), its command line under it, drawn with the usual tree lines.
 */
final class TreeTextWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TreeTextWriter() {
    }

    /** One step of the depth-first walk: a process and the tree lines before it and before its children. */
    private record Frame(int process, String linePrefix, String childPrefix) {
    }

    static void write(TreeReport report, Writer out) throws IOException {
        ProcessTree tree = report.tree();
        Selection selection = report.selection();
        boolean first = true;
        for (String host : report.hosts()) {
            int[] roots = Arrays.stream(selection.roots()).filter(p -> tree.host(p).equals(host)).toArray();
            if (roots.length == 0) {
                continue;
            }
            if (!first) {
                out.write('\n');
            }
            first = false;
            out.write(header(tree, selection, host));
            Deque<Frame> stack = new ArrayDeque<>();
            for (int i = roots.length - 1; i >= 0; i--) {
                stack.push(new Frame(roots[i], "", ""));
            }
            while (!stack.isEmpty()) {
                Frame frame = stack.pop();
                int[] children = selection.children(frame.process());
                out.write(frame.linePrefix() + line(report, frame.process()) + "\n");
                Process process = tree.process(frame.process());
                if (process.commandLine() != null) {
                    out.write(frame.childPrefix() + (children.length > 0 ? "│  " : "   ") + " "
                            + TerminalText.safe(process.commandLine()) + "\n");
                }
                for (int i = children.length - 1; i >= 0; i--) {
                    boolean last = i == children.length - 1;
                    stack.push(new Frame(children[i], frame.childPrefix() + (last ? "└─ " : "├─ "),
                            frame.childPrefix() + (last ? "   " : "│  ")));
                }
            }
        }
        if (first) {
            out.write("no processes\n");
        }
    }

    private static String header(ProcessTree tree, Selection selection, String host) {
        int[] counts = new int[LinkKind.values().length];
        int shown = 0;
        for (int p : tree.processesOf(host)) {
            if (selection.contains(p)) {
                shown++;
                counts[tree.link(p).kind().ordinal()]++;
            }
        }
        return "== " + TerminalText.safe(host) + ": " + shown + " processes; parent links: "
                + counts[LinkKind.EXACT.ordinal()] + " exact, " + counts[LinkKind.INFERRED.ordinal()] + " inferred, "
                + counts[LinkKind.UNKNOWN.ordinal()] + " unknown\n";
    }

    private static String line(TreeReport report, int p) {
        ProcessTree tree = report.tree();
        Process process = tree.process(p);
        StringBuilder line = new StringBuilder();
        line.append(TerminalText.safe(process.name())).append(" [").append(process.pid() < 0 ? "?" : process.pid())
                .append(']');
        if (process.start() != null) {
            line.append("  ").append(TIME.format(process.start()));
            line.append(process.end() == null ? "" : " → " + end(process.start(), process.end()));
        } else if (process.end() != null) {
            line.append("  stopped ").append(TIME.format(process.end()));
        }
        line.append("  ").append(TerminalText.safe(LinkExplainer.label(tree, p)));
        if (report.selection().mark(p) == Selection.Mark.CONTEXT) {
            line.append("  (context)");
        }
        List<TreeReport.DetectionRef> detections = report.detections().getOrDefault(p, List.of());
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (TreeReport.DetectionRef d : detections) {
            rules.merge("‼ " + d.level().sigmaName() + ": " + TerminalText.safe(d.title()), 1, Integer::sum);
        }
        rules.forEach((rule, count) -> line.append("  ").append(rule).append(count > 1 ? " (×" + count + ")" : ""));
        return line.toString();
    }

    private static String end(Instant start, Instant end) {
        boolean sameDay = start.atOffset(ZoneOffset.UTC).toLocalDate().equals(end.atOffset(ZoneOffset.UTC).toLocalDate());
        return sameDay ? CLOCK.format(end) : TIME.format(end);
    }
}
