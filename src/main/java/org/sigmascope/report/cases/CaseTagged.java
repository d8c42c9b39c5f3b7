package org.sigmascope.report.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.store.Annotations;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.timeline.TimelineRow;
import org.sigmascope.report.model.TaggedEvent;

/**
 * The events the analyst marked (tagged, starred or wrote a note on), with their tags and notes. A star is shown as
 * the tag {@value #STARRED}, so a starred event without tags is not lost from the report.
 */
final class CaseTagged {
    /** The tag a starred event carries in the report. */
    static final String STARRED = "starred";

    private CaseTagged() {
    }

    static List<TaggedEvent> read(CaseStore store) throws IOException {
        List<Long> ids = store.db().list("SELECT event_id FROM tags UNION SELECT event_id FROM stars UNION "
                + "SELECT event_id FROM notes WHERE event_id IS NOT NULL ORDER BY 1", List.of(), r -> r.getLong(1));
        Annotations annotations = store.annotations();
        List<TaggedEvent> tagged = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            for (TimelineRow row : store.timeline().rows(ids.subList(from, Math.min(ids.size(), from + 500)))) {
                List<String> tags = new ArrayList<>(row.tags());
                if (row.starred()) {
                    tags.add(STARRED);
                }
                List<TaggedEvent.Note> notes = new ArrayList<>();
                for (Annotations.Note note : annotations.notes(row.event().id())) {
                    notes.add(new TaggedEvent.Note("", note.createdAt(), note.text()));
                }
                tagged.add(new TaggedEvent(row.event(), tags, notes));
            }
        }
        return tagged;
    }

    /** The notes on the whole case, oldest first, as one text: the report's case description. */
    static String caseNotes(CaseStore store) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Annotations.Note note : store.annotations().notes(-1)) {
            texts.add(note.text().strip());
        }
        return String.join("\n\n", texts);
    }
}
