package org.sigmascope.ui.main;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.report.DetectionCsvWriter;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.rulelibrary.update.RuleUpdater;
import org.sigmascope.rulelibrary.update.UpdateLimits;
import org.sigmascope.rulelibrary.update.UpdateRequest;
import org.sigmascope.rulelibrary.update.UpdateResult;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.workspace.Workspace;

/**
 * The state of the main window, without controls: the open case, its detections and events, the selection,
 * and the background import. Tested without a stage.
 */
public final class MainViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    /** Rows loaded into the tables at a time; the case store holds the rest. */
    static final int PAGE = 5_000;

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final ObservableList<Detection> detections = FXCollections.observableArrayList();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final ObservableList<SourceRow> sources = FXCollections.observableArrayList();
    private final ObjectProperty<Event> selectedEvent = new SimpleObjectProperty<>();
    private final ObjectProperty<Detection> selectedDetection = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Open evidence to begin: File › Open, or drop files here.");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Map<Integer, String> sourceNames = new HashMap<>();
    private CaseStore store;
    private Task<ScanSummary> running;
    private RuleSet rules;

    public MainViewModel(Workspace workspace, BackgroundTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
    }

    public ObservableList<Detection> detections() {
        return detections;
    }

    public ObservableList<Event> events() {
        return events;
    }

    public ObservableList<SourceRow> sources() {
        return sources;
    }

    public ObjectProperty<Event> selectedEventProperty() {
        return selectedEvent;
    }

    public ObjectProperty<Detection> selectedDetectionProperty() {
        return selectedDetection;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The display name of a source, for the tables. */
    public String sourceName(int sourceId) {
        return sourceNames.getOrDefault(sourceId, "");
    }

    /** Adds evidence to the open case (a new one if none is open) and scans it in the background. */
    public void openEvidence(List<Path> paths) {
        if (busy.get()) {
            status.set("An import is running; wait for it or cancel it first.");
            return;
        }
        try {
            if (store == null) {
                store = CaseStore.open(workspace.newCaseFile());
            }
        } catch (IOException e) {
            fail("Cannot create a case file", e);
            return;
        }
        CaseStore target = store;
        Task<ScanSummary> task = tasks.task("Import", (p, cancel) -> {
            CaseRules caseRules = CaseRules.compiled(rules(), LogsourceMapping.builtin());
            return CaseScan.run(target, paths, caseRules, CaseScan.Options.defaults(), p, cancel,
                    new CaseScan.Observer() {
                @Override
                public void committed(long eventCount, long detectionCount) {
                    BackgroundTasks.onFx(() -> status.set(String.format("Importing… %,d events, %,d detections",
                            eventCount, detectionCount)));
                }
            });
        });
        running = task;
        busy.set(true);
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            String summary = String.format("%,d events from %d source(s), %,d detections", task.getValue().events(),
                    task.getValue().sources(), task.getValue().detections());
            LOG.info(() -> "import finished: " + summary + " into " + target.file());
            finished(summary);
        });
        task.setOnCancelled(e -> finished("Import cancelled; what was read so far is kept in the case."));
        task.setOnFailed(e -> {
            LOG.log(Level.WARNING, "import failed", task.getException());
            finished("Import failed: " + plain(task.getException()));
        });
        tasks.start(task);
    }

    private RuleSet rules() {
        if (rules == null) {
            rules = RuleLibrary.of(workspace).addTo(RuleLoader.load(List.of(BuiltinRules.source())));
        }
        return rules;
    }

    /**
     * Updates the rule library in the background: from SigmaHQ's latest release when {@code origin} is null, else
     * from the address or archive file given. The outcome goes to the status bar (the details to the log); the next
     * import uses the new rules.
     */
    public void updateRules(String origin) {
        if (busy.get()) {
            status.set("An import is running; update the rules when it is done.");
            return;
        }
        Task<UpdateResult> task = tasks.task("Update rules", (p, cancel) ->
                new RuleUpdater(RuleLibrary.of(workspace), UpdateLimits.defaults())
                        .update(UpdateRequest.defaults().withOrigin(origin), p));
        busy.set(true);
        progress.bind(task.progressProperty());
        status.set("Updating the rule library…");
        task.setOnSucceeded(e -> {
            rules = null;
            finished(RuleUpdateSummary.of(task.getValue()));
        });
        task.setOnFailed(e -> finished("Rule update refused: " + plain(task.getException())
                + " The rules in use are unchanged."));
        tasks.start(task);
    }

    private void finished(String message) {
        progress.unbind();
        progress.set(0);
        busy.set(false);
        running = null;
        refresh();
        status.set(message);
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Reloads the tables from the case store. */
    public void refresh() {
        if (store == null) {
            return;
        }
        try {
            List<SourceRow> rows = store.sources();
            rows.forEach(row -> sourceNames.put(row.id(), row.displayName()));
            sources.setAll(rows);
            detections.setAll(store.detections(0, PAGE));
            events.setAll(store.events(0, PAGE));
        } catch (IOException e) {
            fail("Cannot read the case", e);
        }
    }

    /** Writes all detections of the case to a CSV file. */
    public void exportDetectionsCsv(Path file) {
        if (store == null) {
            status.set("Nothing to export yet: open evidence first.");
            return;
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             DetectionCsvWriter writer = new DetectionCsvWriter(out, this::sourceName)) {
            int offset = 0;
            List<Detection> page;
            do {
                page = store.detections(offset, PAGE);
                for (Detection detection : page) {
                    writer.write(detection);
                }
                offset += page.size();
            } while (page.size() == PAGE);
            store.audit().record("export", Map.of("format", "csv", "file", file.toAbsolutePath().toString(),
                    "detections", offset));
            status.set(String.format("Exported %,d detections to %s", offset, file.getFileName()));
        } catch (IOException e) {
            fail("Cannot export the detections", e);
        }
    }

    private void fail(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        status.set(what + ": " + plain(e));
    }

    /** An error in plain words for the status bar; the stack trace goes to the log. */
    private static String plain(Throwable e) {
        return e == null ? "unknown error" : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public Path caseFile() {
        return store == null ? null : store.file();
    }

    @Override
    public void close() {
        cancel();
        tasks.close();
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the case", e);
            }
        }
    }
}
