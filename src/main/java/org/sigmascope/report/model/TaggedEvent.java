package org.sigmascope.report.model;

import java.time.Instant;
import java.util.List;

import org.sigmascope.model.Event;

/**
 * An event the analyst marked, with their tags and notes.
 *
 * @param event the event
 * @param tags  the analyst's tags ({@code "lateral-movement"}, {@code "confirmed"} …)
 * @param notes the analyst's notes on it, oldest first
 */
public record TaggedEvent(Event event, List<String> tags, List<Note> notes) {
    public TaggedEvent {
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
    }

    /**
     * A note.
     *
     * @param author who wrote it, or {@code ""}
     * @param time   when, or {@code null}
     * @param text   the note, new lines kept
     */
    public record Note(String author, Instant time, String text) {
        public Note {
            author = CaseDetails.orEmpty(author);
            text = CaseDetails.orEmpty(text);
        }
    }
}
