package org.sigmascope.report.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.report.Channels;
import org.sigmascope.report.EventSummary;

/** The detections in time order: a histogram, then one row each, linked to the full detection. */
final class TimelineSection {
    private TimelineSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        if (view.detections.isEmpty()) {
            Parts.empty(out, "No detections at this level threshold.");
            return;
        }
        histogram(out, view);
        int limit = Math.min(view.detections.size(), view.options.timelineLimit());
        if (limit < view.detections.size()) {
            Parts.note(out, "The first " + limit + " of " + view.detections.size()
                    + " detections are listed; the CSV export lists all of them.");
        }
        out.open("table", "class", "timeline");
        Parts.headerRow(out, "Time", "Level", "Rule", "Computer", "Event", "Details");
        out.open("tbody");
        for (int i = 0; i < limit; i++) {
            Detection d = view.detections.get(i);
            Event e = d.event();
            out.open("tr").element("td", view.time(e.timestamp()), "class", "time").open("td");
            Parts.level(out, d.rule().level());
            out.close("td").open("td");
            if (view.detailed(i)) {
                out.element("a", d.rule().title(), "href", "#" + ReportView.anchor(i));
            } else {
                out.text(d.rule().title());
            }
            out.close("td").element("td", e.computer())
                    .element("td", Channels.abbreviate(e.channel()) + " " + e.eventId(), "class", "event", "title",
                            e.channel())
                    .element("td", shorten(EventSummary.details(e)), "class", "value").close("tr");
        }
        out.close("tbody").close("table");
    }

    /** Details beyond this length are cut here; the detection shows them whole. */
    private static final int MAX_DETAILS = 280;

    private static String shorten(String details) {
        return details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS) + " …";
    }

    private static void histogram(HtmlOut out, ReportView view) {
        List<Instant> times = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (Detection d : view.detections) {
            if (d.event().timestamp() != null) {
                times.add(d.event().timestamp());
                levels.add(d.rule().level());
            }
        }
        if (times.isEmpty()) {
            return;
        }
        out.open("figure", "class", "chart").element("figcaption", "Detections over time")
                .trusted(TimeChart.render("Detections over time", times, levels, view.options.zone(), view::time))
                .close("figure");
    }
}
