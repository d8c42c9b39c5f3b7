package org.sigmascope.report.html;

import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Match;
import org.sigmascope.report.AttackTactics;

/** Each detection in full: the rule, where it fired, why (the matched part marked), and the event's fields. */
final class DetectionsSection {
    private DetectionsSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        if (view.detections.isEmpty()) {
            Parts.empty(out, "No detections at this level threshold.");
            return;
        }
        int limit = Math.min(view.detections.size(), view.options.detailLimit());
        if (limit < view.detections.size()) {
            Parts.note(out, "The first " + limit + " of " + view.detections.size() + " detections are shown in "
                    + "full; the timeline and the CSV and JSONL exports list all of them.");
        }
        for (int i = 0; i < limit; i++) {
            detection(out, view, view.detections.get(i), i);
        }
    }

    private static void detection(HtmlOut out, ReportView view, Detection d, int index) {
        Event e = d.event();
        out.newline().open("article", "class", "detection lvl-border-" + d.rule().level().sigmaName(), "id",
                ReportView.anchor(index));
        out.open("h3");
        Parts.level(out, d.rule().level());
        out.text(" " + d.rule().title()).close("h3");
        out.element("p", view.time(e.timestamp()) + " · " + e.computer() + " · " + e.channel() + " " + e.eventId()
                + " · record " + e.recordId() + " · " + view.data.sourceName(e.sourceId()), "class", "where wrap");
        List<String> tactics = AttackTactics.of(d.rule().tags());
        List<String> techniques = AttackTactics.techniques(d.rule().tags());
        Parts.facts(out, List.of("Rule id", d.rule().id(), "ATT&CK", String.join(", ", concat(tactics, techniques)),
                "Description", d.rule().description()));
        if (d.correlation() != null) {
            correlation(out, view, d.correlation());
        }
        explanation(out, d.match());
        out.open("details", "class", "fields", "open", "")
                .element("summary", "The event's fields (" + e.fields().size() + ")");
        java.util.Set<String> matched = new java.util.TreeSet<>();
        d.match().selections().forEach(sel -> sel.fields().forEach(hit -> {
            if (hit.field() != null) {
                matched.add(hit.field());
            }
        }));
        Parts.fieldTable(out, e.fields(), matched);
        out.close("details").close("article");
    }

    private static void explanation(HtmlOut out, Match match) {
        if (match.selections().isEmpty()) {
            return;
        }
        out.open("table", "class", "explain");
        Parts.headerRow(out, "Selection", "Field", "Modifiers", "Rule value", "Event value (matched part marked)");
        out.open("tbody");
        for (Match.SelectionHit selection : match.selections()) {
            for (Match.FieldHit hit : selection.fields()) {
                out.open("tr").element("td", selection.selection(), "class", "mono")
                        .element("td", hit.field() == null ? "(keyword)" : hit.field(), "class", "mono")
                        .element("td", String.join("|", hit.modifiers()), "class", "mono")
                        .element("td", hit.ruleValue(), "class", "value")
                        .open("td", "class", "value");
                marked(out, hit);
                out.close("td").close("tr");
            }
        }
        out.close("tbody").close("table");
    }

    /** The event value with the part that matched in {@code <mark>}; each part escaped on its own. */
    static void marked(HtmlOut out, Match.FieldHit hit) {
        String value = hit.eventValue();
        if (value == null) {
            out.element("span", "absent or null", "class", "null");
            return;
        }
        int start = hit.matchStart();
        int end = hit.matchEnd();
        if (start < 0 || end < start || end > value.length()) {
            out.open("mark");
            Parts.value(out, value);
            out.close("mark");
            return;
        }
        // Around a long value's match, only a window is shown, so that the marked part is always in view.
        int from = Math.max(0, start - CONTEXT);
        int markEnd = Math.min(end, start + Parts.MAX_VALUE);
        int to = markEnd < end ? markEnd : Math.min(value.length(), end + CONTEXT);
        if (from > 0) {
            out.element("span", "… ", "class", "null");
        }
        out.text(value.substring(from, start)).element("mark", value.substring(start, markEnd))
                .text(value.substring(markEnd, to));
        Parts.cut(out, from + (long) (value.length() - to));
    }

    /** Characters shown before and after the match in a long value. */
    private static final int CONTEXT = 2_000;

    private static void correlation(HtmlOut out, ReportView view, org.sigmascope.model.Detection.CorrelationHit hit) {
        StringBuilder group = new StringBuilder();
        new java.util.TreeMap<>(hit.group()).forEach((k, v) -> group.append(group.length() == 0 ? "" : ", ")
                .append(k).append('=').append(v));
        out.open("dl", "class", "facts").element("dt", "Correlation").element("dd", hit.type())
                .element("dt", "Group").element("dd", group.toString())
                .element("dt", "Events").open("dd");
        for (Long id : hit.eventIds()) {
            Integer target = view.detectionOfEvent.get(id);
            if (target != null && view.detailed(target)) {
                out.element("a", "#" + id, "href", "#" + ReportView.anchor(target)).text(" ");
            } else {
                out.text("#" + id + " ");
            }
        }
        out.close("dd").close("dl");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
