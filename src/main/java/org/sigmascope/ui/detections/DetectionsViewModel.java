package org.sigmascope.ui.detections;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sigmascope.caseview.DetectionSummary;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.timeline.FilterChip;

/**
 * The detections panel: counts by level, rule, ATT&amp;CK tactic and technique, and host; a click on a line filters
 * the timeline to its events.
 */
public final class DetectionsViewModel {
    /** How the panel's groups are called, for chip labels. */
    public enum Group {
        LEVEL("Level"), RULE("Rule"), TACTIC("Tactic"), TECHNIQUE("Technique"), HOST("Host");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final BackgroundTasks tasks;
    private final Consumer<FilterChip> filter;
    private final ReadOnlyObjectWrapper<DetectionSummary> summary =
            new ReadOnlyObjectWrapper<>(DetectionSummary.empty());
    /** A summary is asked for and not yet back (FX thread); another refresh meanwhile sets {@code again}. */
    private boolean summing;
    private boolean again;
    private CaseSession session;

    /** @param filter what a click does: adds the chip to the timeline */
    public DetectionsViewModel(BackgroundTasks tasks, Consumer<FilterChip> filter) {
        this.tasks = tasks;
        this.filter = filter;
    }

    public ReadOnlyObjectProperty<DetectionSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void open(CaseSession newSession) {
        session = newSession;
        summary.set(DetectionSummary.empty());
        refresh();
    }

    /** Sums up the detections again; FX thread. Refreshes asked while one waits for its turn make one more. */
    public void refresh() {
        CaseSession current = session;
        if (current == null) {
            return;
        }
        if (summing) {
            again = true;
            return;
        }
        summing = true;
        tasks.run("summing up the detections", () -> current.reads().call(DetectionSummary::of), s -> {
            summed();
            if (current == session) {
                summary.set(s);
            }
        }, e -> summed());
    }

    private void summed() {
        summing = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    /** Filters the timeline to the events of a line (replacing an earlier click's filter). */
    public void show(Group group, DetectionSummary.Count count) {
        filter.accept(new FilterChip("detections", group.label() + ": " + count.label(), count.query()));
    }
}
