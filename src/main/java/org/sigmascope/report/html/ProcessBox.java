package org.sigmascope.report.html;

import org.sigmascope.report.model.ProcessNode;

/** One process of a tree: its link to the parent, image, pid, times, user, command line, and detections. */
final class ProcessBox {
    private static final java.util.Comparator<ProcessNode.Badge> BADGES = java.util.Comparator
            .comparing(ProcessNode.Badge::level).reversed()
            .thenComparing(ProcessNode.Badge::ruleTitle).thenComparingLong(ProcessNode.Badge::eventId);

    private ProcessBox() {
    }

    static void write(HtmlOut out, ReportView view, ProcessNode node, boolean flagged) {
        out.open("div", "class", flagged ? "proc flagged" : "proc");
        String link = node.parentLink().label();
        out.element("span", link, "class", "link link-" + link, "title", "parent link: " + link);
        out.element("span", baseName(node.image()), "class", "image");
        out.text(" ").element("span", node.pid() >= 0 ? "pid " + node.pid() : "pid unknown", "class", "sub");
        out.open("div", "class", "sub wrap");
        out.text(node.image());
        if (!node.user().isEmpty()) {
            out.text(" · " + node.user());
        }
        out.text(" · started " + (node.start() == null ? "unknown" : view.time(node.start())));
        if (node.end() != null) {
            out.text(" · ended " + view.time(node.end()));
        }
        out.close("div");
        if (!node.commandLine().isEmpty()) {
            out.open("div", "class", "cmd").element("code", node.commandLine()).close("div");
        }
        for (ProcessNode.Badge badge : node.badges().stream().sorted(BADGES).toList()) {
            if (!badge.level().atLeast(view.options.minLevel())) {
                continue;
            }
            String css = "badge lvl-" + badge.level().sigmaName();
            Integer target = view.detectionOfEvent.get(badge.eventId());
            if (target != null && view.detailed(target)) {
                out.element("a", badge.ruleTitle(), "class", css, "href", "#" + ReportView.anchor(target));
            } else {
                out.element("span", badge.ruleTitle(), "class", css);
            }
        }
        out.close("div");
    }

    /** The file name of a Windows or POSIX path. */
    static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String name = cut >= 0 ? path.substring(cut + 1) : path;
        return name.isEmpty() ? "(no image)" : name;
    }
}
