package org.sigmascope.ui.detail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sigmascope.caseview.OriginalRecord;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;
import org.sigmascope.store.Annotations;
import org.sigmascope.store.CaseStore;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.rules.AppRules;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.timeline.TimelineEntry;

/**
 * The detail pane of the selected event: all its fields, the record as the evidence holds it, each detection with
 * the explanation of its match, the rule (its YAML too), the analyst's notes; and the events of a correlation hit.
 */
public final class DetailViewModel {
    private final BackgroundTasks tasks;
    private final Supplier<AppRules> rules;
    private final ReadOnlyObjectWrapper<TimelineEntry> entry = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<Detection> detections = FXCollections.observableArrayList();
    private final ObjectProperty<Detection> detection = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper original = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper originalKind = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ruleYaml = new ReadOnlyStringWrapper("");
    private final ObservableList<Annotations.Note> notes = FXCollections.observableArrayList();
    private final BiConsumer<String, List<Long>> showEvents;
    private final Consumer<String> status;
    private CaseSession session;
    private long shown = -1;

    /**
     * @param rules      the rules loaded now, for a rule's YAML
     * @param showEvents shows events in the timeline, under a label
     * @param status     where to say what went wrong
     */
    public DetailViewModel(BackgroundTasks tasks, Supplier<AppRules> rules, BiConsumer<String, List<Long>> showEvents,
                           Consumer<String> status) {
        this.tasks = tasks;
        this.rules = rules;
        this.showEvents = showEvents;
        this.status = status;
        detection.addListener((o, old, d) -> loadRule(d));
    }

    public ReadOnlyObjectProperty<TimelineEntry> entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    /** The detections on the event, most severe first. */
    public ObservableList<Detection> detections() {
        return detections;
    }

    /** The detection whose rule the pane shows. */
    public ObjectProperty<Detection> detectionProperty() {
        return detection;
    }

    /** The record as the evidence holds it, or why it cannot be shown. */
    public ReadOnlyStringProperty originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** {@code xml}, {@code json}, {@code csv}, or {@code ""} when there is none. */
    public ReadOnlyStringProperty originalKindProperty() {
        return originalKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ruleYamlProperty() {
        return ruleYaml.getReadOnlyProperty();
    }

    public ObservableList<Annotations.Note> notes() {
        return notes;
    }

    public void open(CaseSession newSession) {
        session = newSession;
        show(null);
    }

    /** Shows an event (or nothing). */
    public void show(TimelineEntry selected) {
        TimelineEntry previous = entry.get();
        entry.set(selected);
        if (selected == null) {
            shown = -1;
            fields.clear();
            detections.clear();
            notes.clear();
            original.set("");
            originalKind.set("");
            return;
        }
        boolean same = previous != null && previous.id() == selected.id() && shown == selected.id();
        shown = selected.id();
        Event event = selected.event();
        if (!same) {
            fields.setAll(rows(event, Set.of()));
            original.set("");
            originalKind.set("");
            detections.clear();
            loadOriginal(event);
        }
        load(event);
    }

    private static List<FieldRow> rows(Event event, Set<String> matched) {
        List<FieldRow> rows = new ArrayList<>(event.fields().size());
        event.fields().forEach((name, value) -> rows.add(new FieldRow(name, value == null ? "(null)"
                : Fields.textOf(value), matched.contains(name))));
        return rows;
    }

    private record Loaded(List<Detection> detections, List<Annotations.Note> notes) {
    }

    private void load(Event event) {
        CaseSession current = session;
        if (current == null) {
            return;
        }
        CaseStore store = current.store();
        long id = event.id();
        tasks.run("reading an event's detections", () -> new Loaded(store.detectionsOf(id),
                store.annotations().notes(id)), loaded -> {
                    if (shown != id) {
                        return;
                    }
                    Set<String> matched = new HashSet<>();
                    for (Detection d : loaded.detections()) {
                        for (Match.SelectionHit s : d.match().selections()) {
                            s.fields().forEach(hit -> matched.add(hit.field()));
                        }
                    }
                    if (!matched.isEmpty()) {
                        fields.setAll(rows(event, matched));
                    }
                    Detection chosen = detection.get();
                    detections.setAll(loaded.detections());
                    notes.setAll(loaded.notes());
                    detection.set(loaded.detections().stream().filter(d -> chosen != null
                            && d.rule().id().equals(chosen.rule().id())).findFirst()
                            .orElse(loaded.detections().isEmpty() ? null : loaded.detections().get(0)));
                }, e -> status.accept("The event's detections could not be read: " + BackgroundTasks.plain(e)));
    }

    private void loadOriginal(Event event) {
        CaseSession current = session;
        long id = event.id();
        tasks.run("reading the original record", () -> OriginalRecord.read(current.store().source(event.sourceId()),
                event), text -> {
                    if (shown == id) {
                        originalKind.set(text.kind());
                        original.set(text.text());
                    }
                }, e -> {
                    if (shown == id) {
                        originalKind.set("");
                        original.set("The original record cannot be shown: " + BackgroundTasks.plain(e));
                    }
                });
    }

    private void loadRule(Detection d) {
        ruleYaml.set("");
        if (d == null) {
            return;
        }
        tasks.run("reading a rule's YAML", () -> RuleText.yamlOf(rules.get(), d.rule()), yaml -> {
            if (d == detection.get()) {
                ruleYaml.set(yaml.isEmpty() ? "# The rule's YAML is not available: it is not among the rules "
                        + "loaded now, and its file (" + d.rule().path() + ") cannot be read." : yaml);
            }
        }, e -> { });
    }

    /** Opens the events that make up the shown correlation hit in the timeline. */
    public void openCorrelation() {
        Detection d = detection.get();
        if (d != null && d.correlation() != null) {
            showEvents.accept("Correlation: " + d.rule().title(), d.correlation().eventIds());
        }
    }

    /** Adds a note to the shown event. */
    public void addNote(String text, Runnable done) {
        TimelineEntry current = entry.get();
        if (current == null || text.isBlank() || session == null) {
            return;
        }
        CaseStore store = session.store();
        long id = current.id();
        tasks.run("adding a note", () -> {
            store.annotations().addNote(id, text.strip());
            return store.annotations().notes(id);
        }, list -> {
            if (shown == id) {
                notes.setAll(list);
            }
            done.run();
        }, e -> status.accept("The note could not be saved: " + BackgroundTasks.plain(e)));
    }

    public void deleteNote(Annotations.Note note, Runnable done) {
        if (session == null) {
            return;
        }
        CaseStore store = session.store();
        tasks.run("deleting a note", () -> {
            store.annotations().deleteNote(note.id());
            return store.annotations().notes(note.eventId());
        }, list -> {
            if (shown == note.eventId()) {
                notes.setAll(list);
            }
            done.run();
        }, e -> status.accept("The note could not be deleted: " + BackgroundTasks.plain(e)));
    }
}
