package org.sigmascope.ui.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sigmascope.caseview.Gap;
import org.sigmascope.caseview.SourceProblems;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * The evidence panel: each source of the case with its format, size, SHA-256, events, problems and gaps, the
 * progress of the one being imported, and the imports that were interrupted (to resume or roll back).
 */
public final class EvidenceViewModel {
    private final BackgroundTasks tasks;
    private final ObservableList<EvidenceItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No evidence yet.");
    private CaseSession session;
    private String importingSource = "";
    private long importingDone = -1;

    public EvidenceViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    public ObservableList<EvidenceItem> items() {
        return items;
    }

    /** {@code 12 sources, 4,211,338 events; 2 interrupted}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void open(CaseSession newSession) {
        session = newSession;
        items.clear();
        summary.set("No evidence yet.");
        refresh();
    }

    /** Reads the sources again. */
    public void refresh() {
        CaseSession current = session;
        if (current == null) {
            return;
        }
        tasks.run("reading the evidence list", current::reloadSources, rows -> {
            if (current == session) {
                show(rows);
            }
        }, e -> { });
    }

    /** The import's progress in the source being read: its display name and the bytes read of it. */
    public void importing(String source, long bytesDone) {
        importingSource = source;
        importingDone = bytesDone;
        List<EvidenceItem> updated = new ArrayList<>(items.size());
        boolean changed = false;
        for (EvidenceItem item : items) {
            EvidenceItem next = withProgress(item.source(), item.gaps());
            changed |= next.progress() != item.progress();
            updated.add(next);
        }
        if (changed) {
            items.setAll(updated);
        }
    }

    /** The import ended. */
    public void importDone() {
        importingSource = "";
        importingDone = -1;
        refresh();
    }

    private void show(List<SourceRow> rows) {
        Map<Integer, Long> gaps = new HashMap<>();
        for (Gap gap : session.gaps().values()) {
            gaps.merge(gap.sourceId(), 1L, Long::sum);
        }
        List<EvidenceItem> list = new ArrayList<>();
        long events = 0;
        int interrupted = 0;
        for (SourceRow row : rows) {
            EvidenceItem item = withProgress(row, gaps.getOrDefault(row.id(), 0L));
            list.add(item);
            events += item.events();
            interrupted += row.interrupted() ? 1 : 0;
        }
        items.setAll(list);
        summary.set(rows.isEmpty() ? "No evidence yet." : String.format("%,d source%s, %,d events%s", rows.size(),
                rows.size() == 1 ? "" : "s", events, interrupted == 0 ? "" : String.format(
                        "; %d import%s interrupted: resume or roll back", interrupted, interrupted == 1 ? "" : "s")));
    }

    private EvidenceItem withProgress(SourceRow row, long gaps) {
        boolean reading = row.status() == SourceStatus.IMPORTING && importingDone >= 0
                && row.displayName().equals(importingSource);
        double progress = reading && row.size() > 0 ? Math.min(1, (double) importingDone / row.size()) : -1;
        return new EvidenceItem(row, gaps, progress);
    }

    /** The problems of a source, with their locations, for the list the analyst opens. */
    public void problems(int sourceId, Consumer<List<SourceProblems.Problem>> show, Consumer<Throwable> failed) {
        CaseSession current = session;
        if (current == null) {
            return;
        }
        tasks.run("reading the problems of a source", () -> SourceProblems.of(current.store().db(), sourceId), show,
                failed);
    }

    /** How many tags, stars, notes and bookmarks a roll-back of the source would delete. */
    public void annotationsOn(int sourceId, Consumer<Long> answer) {
        CaseSession current = session;
        if (current == null) {
            return;
        }
        tasks.run("counting annotations", () -> current.store().annotations().countForSource(sourceId), answer,
                e -> answer.accept(0L));
    }
}
