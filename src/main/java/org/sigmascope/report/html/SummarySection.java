package org.sigmascope.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sigmascope.model.Level;

/** Counts by level, ATT&CK tactic, host and rule, as charts and a table of the rules that fired. */
final class SummarySection {
    /** Bars per chart; the rest are summed into one "others" bar. */
    private static final int MAX_BARS = 12;

    private SummarySection() {
    }

    static void write(HtmlOut out, ReportView view) {
        Parts.note(out, Parts.count(view.detections.size(), "detection", "detections") + " of level "
                + view.options.minLevel().sigmaName() + " and above, by " + Parts.count(view.byRule.size(), "rule",
                "rules") + " on " + Parts.count(view.byHost.size(), "host", "hosts") + ".");
        List<SvgCharts.Bar> levels = new ArrayList<>();
        for (Level level : reversed(view.byLevel)) {
            levels.add(new SvgCharts.Bar(level.sigmaName(), view.byLevel.get(level),
                    "chart-fill-" + level.sigmaName()));
        }
        out.open("div", "class", "charts");
        figure(out, "By level", SvgCharts.bars("Detections by level", levels, 520, 170));
        figure(out, "By ATT&CK tactic", SvgCharts.bars("Detections by ATT&CK tactic", capped(view.byTactic), 520,
                170));
        figure(out, "By host", SvgCharts.bars("Detections by host", capped(view.byHost), 520, 170));
        out.close("div");
        List<ReportView.Count> rules = view.byRule.stream()
                .map(r -> new ReportView.Count(r.rule().title(), r.count())).toList();
        figure(out, "By rule", SvgCharts.bars("Detections by rule", capped(rules), 1040, 420));
        rulesTable(out, view);
    }

    private static void rulesTable(HtmlOut out, ReportView view) {
        if (view.byRule.isEmpty()) {
            Parts.empty(out, "No rule fired at this level threshold.");
            return;
        }
        out.element("h3", "Rules that fired");
        out.open("table", "class", "rules");
        Parts.headerRow(out, "Level", "Rule", "#Detections", "Hosts", "First", "Last");
        out.open("tbody");
        for (ReportView.RuleRow row : view.byRule) {
            out.open("tr").open("td");
            Parts.level(out, row.rule().level());
            out.close("td").element("td", row.rule().title())
                    .element("td", String.format(Locale.ROOT, "%,d", row.count()), "class", "num")
                    .element("td", String.join(", ", row.hosts()))
                    .element("td", view.time(row.first()), "class", "time")
                    .element("td", view.time(row.last()), "class", "time").close("tr");
        }
        out.close("tbody").close("table");
    }

    private static void figure(HtmlOut out, String caption, String svg) {
        out.open("figure", "class", "chart").element("figcaption", caption).trusted(svg).close("figure");
    }

    private static List<SvgCharts.Bar> capped(List<ReportView.Count> counts) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        long others = 0;
        int othersCount = 0;
        for (ReportView.Count count : counts) {
            if (bars.size() < MAX_BARS) {
                bars.add(new SvgCharts.Bar(count.label(), count.count(), "chart-fill-plain"));
            } else {
                others += count.count();
                othersCount++;
            }
        }
        if (othersCount > 0) {
            bars.add(new SvgCharts.Bar(othersCount + " others", others, "chart-fill-plain"));
        }
        return bars;
    }

    private static List<Level> reversed(Map<Level, Long> byLevel) {
        List<Level> levels = new ArrayList<>(byLevel.keySet());
        java.util.Collections.reverse(levels);
        return levels;
    }
}
