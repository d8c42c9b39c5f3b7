package org.sigmascope.ui.timeline;

import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.store.Annotations;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * What the analyst marks on timeline rows — stars, tags, notes — written to the case at once (each its own small
 * transaction), then the views are told the case's annotations changed.
 */
public final class RowActions {
    private final BackgroundTasks tasks;
    private final Consumer<String> status;
    private CaseSession session;

    public RowActions(BackgroundTasks tasks, Consumer<String> status) {
        this.tasks = tasks;
        this.status = status;
    }

    public void open(CaseSession newSession) {
        session = newSession;
    }

    /** Stars the rows, or takes the star off when all of them have one. */
    public void toggleStar(List<TimelineEntry> rows) {
        boolean on = rows.stream().anyMatch(r -> !r.row().starred());
        write("starring", rows, annotations -> {
            for (TimelineEntry row : rows) {
                annotations.star(row.id(), on);
            }
        }, (on ? "Starred " : "Unstarred ") + count(rows));
    }

    public void tag(List<TimelineEntry> rows, String tag) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        write("tagging", rows, annotations -> {
            for (TimelineEntry row : rows) {
                annotations.tag(row.id(), tag);
            }
        }, "Tagged " + count(rows) + " '" + tag.strip() + "'");
    }

    public void untag(List<TimelineEntry> rows, String tag) {
        write("removing a tag", rows, annotations -> {
            for (TimelineEntry row : rows) {
                annotations.untag(row.id(), tag);
            }
        }, "Removed the tag '" + tag + "' from " + count(rows));
    }

    public void note(TimelineEntry row, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        write("adding a note", List.of(row), annotations -> annotations.addNote(row.id(), text.strip()),
                "Note added to event " + row.id());
    }

    /** The tags used in the case, for the tag dialog's choices. */
    public void tags(Consumer<List<String>> answer) {
        CaseSession current = session;
        if (current == null) {
            answer.accept(List.of());
            return;
        }
        tasks.run("reading the tags", () -> current.store().annotations().allTags(), answer,
                e -> answer.accept(List.of()));
    }

    @FunctionalInterface
    private interface Write {
        void apply(Annotations annotations) throws Exception;
    }

    private void write(String what, List<TimelineEntry> rows, Write write, String done) {
        CaseSession current = session;
        if (current == null || rows.isEmpty()) {
            return;
        }
        tasks.run(what, () -> {
            write.apply(current.store().annotations());
            return null;
        }, ok -> {
            status.accept(done + ".");
            if (current == session) {
                current.changed(CaseSession.Kind.ANNOTATIONS);
            }
        }, e -> status.accept("Could not save it: " + BackgroundTasks.plain(e)));
    }

    private static String count(List<TimelineEntry> rows) {
        return rows.size() == 1 ? "event " + rows.get(0).id() : String.format("%,d events", rows.size());
    }
}
