package org.sigmascope.report.html;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.report.Channels;
import org.sigmascope.report.DetectionOrder;
import org.sigmascope.report.EventSummary;
import org.sigmascope.report.model.TaggedEvent;

/** The events the analyst tagged, with their tags and notes, in time order. */
final class TaggedEventsSection {
    private static final Comparator<TaggedEvent.Note> NOTES = Comparator
            .comparing(TaggedEvent.Note::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(TaggedEvent.Note::author).thenComparing(TaggedEvent.Note::text);

    private TaggedEventsSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        List<TaggedEvent> tagged = view.data.tagged().stream()
                .sorted(Comparator.comparing(TaggedEvent::event, DetectionOrder.EVENTS)).toList();
        if (tagged.isEmpty()) {
            Parts.empty(out, "No events were tagged or annotated.");
            return;
        }
        out.open("table", "class", "tagged");
        Parts.headerRow(out, "Time", "Computer", "Event", "Tags", "Notes", "Details");
        out.open("tbody");
        for (TaggedEvent t : tagged) {
            Event e = t.event();
            out.open("tr", "id", "e-" + e.id()).element("td", view.time(e.timestamp()), "class", "time")
                    .element("td", e.computer())
                    .element("td", Channels.abbreviate(e.channel()) + " " + e.eventId() + ", record " + e.recordId(),
                            "title", e.channel())
                    .open("td", "class", "tags");
            for (String tag : t.tags().stream().sorted().toList()) {
                out.element("span", tag);
            }
            out.close("td").open("td", "class", "notes");
            for (TaggedEvent.Note note : t.notes().stream().sorted(NOTES).toList()) {
                String by = note.author().isEmpty() ? "" : note.author();
                String when = note.time() == null ? "" : view.time(note.time());
                String head = (by + (by.isEmpty() || when.isEmpty() ? "" : ", ") + when).trim();
                out.open("p");
                if (!head.isEmpty()) {
                    out.element("b", head + ": ");
                }
                out.text(note.text()).close("p");
            }
            out.close("td").element("td", EventSummary.details(e), "class", "value").close("tr");
        }
        out.close("tbody").close("table");
    }
}
