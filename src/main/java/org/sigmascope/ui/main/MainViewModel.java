package org.sigmascope.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import org.sigmascope.caseview.CaseMeta;
import org.sigmascope.caseview.StoredCaseDetails;
import org.sigmascope.caseview.GapFinder;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.rulelibrary.update.RuleUpdater;
import org.sigmascope.rulelibrary.update.UpdateLimits;
import org.sigmascope.rulelibrary.update.UpdateRequest;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.detail.DetailViewModel;
import org.sigmascope.ui.detections.DetectionsViewModel;
import org.sigmascope.ui.evidence.EvidenceViewModel;
import org.sigmascope.ui.probe.FxStallProbe;
import org.sigmascope.ui.proctree.ProcessTreeViewModel;
import org.sigmascope.ui.rules.AppRules;
import org.sigmascope.ui.rules.RulesViewModel;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.settings.AppSettings;
import org.sigmascope.ui.settings.SettingsStore;
import org.sigmascope.ui.timeline.RowActions;
import org.sigmascope.ui.timeline.TimelineViewModel;
import org.sigmascope.workspace.Workspace;

/**
 * The state of the main window, without controls: the open case and the view models of its panels, the settings,
 * and the background jobs (imports, resumes, roll-backs, re-scans, rule updates) with their progress. Tested
 * without a stage.
 */
public final class MainViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    /**
     * Something the analyst must read: a failure in plain words (the details are in the log), or news such as
     * interrupted imports found.
     *
     * @param title   a few words
     * @param message a sentence or two
     */
    public record Notice(String title, String message, boolean failure) {
    }

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final SettingsStore settingsStore;
    private final FxStallProbe probe;
    private final ObjectProperty<AppSettings> settings;
    private final ReadOnlyObjectWrapper<CaseSession> session = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty(
            "Start a case: open evidence (File › Add evidence), or drop files or folders anywhere in this window.");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final Jobs jobs;
    private final TimelineViewModel timeline;
    private final EvidenceViewModel evidence;
    private final DetectionsViewModel detections;
    private final DetailViewModel detail;
    private final RulesViewModel rules;
    private final RowActions rowActions;
    private final ProcessTreeViewModel processTrees;
    private final ChangeListener<CaseSession.Change> changes = (o, old, change) -> {
        if (change != null) {
            changed(change.kind());
        }
    };
    private volatile AppRules loadedRules;

    /**
     * @param probe the FX-thread stall probe whose figures are logged after each job, or {@code null}
     */
    public MainViewModel(Workspace workspace, BackgroundTasks tasks, FxStallProbe probe) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.probe = probe;
        this.settingsStore = SettingsStore.of(workspace);
        this.settings = new SimpleObjectProperty<>(settingsStore.load());
        Consumer<String> say = status::set;
        this.timeline = new TimelineViewModel(tasks, say);
        this.evidence = new EvidenceViewModel(tasks);
        this.detections = new DetectionsViewModel(tasks, timeline::addChip);
        this.detail = new DetailViewModel(tasks, this::appRules, timeline::showEvents, say);
        this.rules = new RulesViewModel(tasks, this::appRules, selection -> saveSettings(settings.get()
                .withRules(selection)));
        this.rowActions = new RowActions(tasks, say);
        this.processTrees = new ProcessTreeViewModel(tasks, timeline::showEvents, say);
        this.jobs = new Jobs(tasks, probe, say, this::jobFailed, session.getReadOnlyProperty(), evidence,
                rules::costs);
        rules.selectionProperty().set(settings.get().rules());
        timeline.zoneProperty().set(settings.get().zoneId());
        timeline.selectedProperty().addListener((o, old, entry) -> detail.show(entry));
        // The reads the app starts on its own wait while the timeline reads a first page (at opening, and each
        // time the analyst filters): on two cores, the first page is what the analyst waits for.
        timeline.firstPageMillisProperty().addListener((o, old, millis) -> {
            CaseSession current = session.get();
            if (current != null) {
                current.reads().timelineBusy(millis.longValue() < 0);
            }
        });
        rules.reload();
    }

    public MainViewModel(Workspace workspace, BackgroundTasks tasks) {
        this(workspace, tasks, null);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<CaseSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ObjectProperty<AppSettings> settingsProperty() {
        return settings;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** A job runs (import, re-scan, roll-back, rule update): one at a time. */
    public ReadOnlyBooleanProperty busyProperty() {
        return jobs.busyProperty();
    }

    /** A case is being opened or created. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ImportProgress progress() {
        return jobs.progress();
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public EvidenceViewModel evidence() {
        return evidence;
    }

    public DetectionsViewModel detections() {
        return detections;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public RulesViewModel rulesModel() {
        return rules;
    }

    public RowActions rowActions() {
        return rowActions;
    }

    public ProcessTreeViewModel processTrees() {
        return processTrees;
    }

    public Workspace workspace() {
        return workspace;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public FxStallProbe probe() {
        return probe;
    }

    /** The open case's file, or {@code null}. */
    public Path caseFile() {
        return session.get() == null ? null : session.get().file();
    }

    /** The rules the app runs now, loaded on first use (call it off the FX thread). */
    public AppRules appRules() {
        AppRules loaded = loadedRules;
        if (loaded == null) {
            synchronized (this) {
                loaded = loadedRules;
                if (loaded == null) {
                    AppSettings s = settings.get();
                    loaded = AppRules.load(workspace, s.ruleFolders(), s.placeholders());
                    loadedRules = loaded;
                    loaded.problems().forEach(p -> LOG.warning(() -> "rules: " + p));
                }
            }
        }
        return loaded;
    }

    // ---- cases ----

    /** Opens files given on the command line or dropped: a case file opens the case, anything else is evidence. */
    public void openPaths(List<Path> paths) {
        List<Path> cases = paths.stream().filter(CaseFiles::isCase).toList();
        List<Path> evidenceFiles = paths.stream().filter(p -> !CaseFiles.isCase(p)).toList();
        if (!cases.isEmpty()) {
            openCase(cases.get(0), evidenceFiles);
        } else if (!evidenceFiles.isEmpty()) {
            openEvidence(evidenceFiles);
        }
    }

    /** Creates a new, empty case in that file. */
    public void newCase(Path file) {
        if (Files.exists(file)) {
            status.set(file.getFileName() + " already exists: open it instead, or choose another name.");
            return;
        }
        openCase(file, List.of());
    }

    /** Opens (or creates) a case, then imports evidence into it if some is given. */
    public void openCase(Path file, List<Path> thenImport) {
        if (jobs.busyProperty().get() || opening.get()) {
            status.set("Wait for the running job to finish, or cancel it, before switching cases.");
            return;
        }
        opening.set(true);
        status.set("Opening " + file.getFileName() + "…");
        CaseSession old = session.get();
        detach();
        tasks.run("opening the case " + file, () -> {
            if (old != null) {
                old.close();
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new CaseSession(CaseStore.open(file));
        }, opened -> {
            opening.set(false);
            attach(opened);
            if (!thenImport.isEmpty()) {
                openEvidence(thenImport);
            }
        }, e -> {
            opening.set(false);
            failed("The case could not be opened", file.getFileName() + ": " + BackgroundTasks.plain(e));
            saveSettings(settings.get().withoutRecentCase(file.toAbsolutePath().toString()));
        });
    }

    /** Closes the open case (everything in it is already saved). */
    public void closeCase() {
        if (jobs.busyProperty().get()) {
            status.set("Wait for the running job to finish, or cancel it, before closing the case.");
            return;
        }
        CaseSession old = session.get();
        if (old == null) {
            return;
        }
        detach();
        tasks.run("closing the case", () -> {
            old.close();
            return null;
        }, done -> status.set("Closed " + old.name() + ". Everything in it was saved as you went."),
                e -> failed("The case could not be closed cleanly", BackgroundTasks.plain(e)));
    }

    private void detach() {
        CaseSession old = session.get();
        if (old != null) {
            old.changes().removeListener(changes);
        }
        session.set(null);
        timeline.open(null);
        evidence.open(null);
        detections.open(null);
        detail.open(null);
        rules.open(null);
        rowActions.open(null);
        processTrees.open(null);
    }

    private void attach(CaseSession opened) {
        session.set(opened);
        opened.changes().addListener(changes);
        timeline.open(opened);
        opened.reads().timelineBusy(timeline.firstPageMillisProperty().get() < 0);
        evidence.open(opened);
        detections.open(opened);
        detail.open(opened);
        rules.open(opened);
        rowActions.open(opened);
        processTrees.open(opened);
        saveSettings(settings.get().withRecentCase(opened.file().toAbsolutePath().toString()));
        status.set("Case " + opened.name() + " (" + opened.file() + ")");
        findGaps(opened);
        List<SourceRow> interrupted = opened.store().interruptedAtOpen();
        if (!interrupted.isEmpty()) {
            notice.set(new Notice("Interrupted imports", String.format("%d import%s of this case stopped before "
                    + "the end (the app was closed or stopped while importing). What was read is in the case. "
                    + "Resume or roll back each one in the Evidence panel.", interrupted.size(),
                    interrupted.size() == 1 ? "" : "s"), false));
        }
        LOG.info(() -> "case opened: " + opened.file());
    }

    private void changed(CaseSession.Kind kind) {
        switch (kind) {
            case EVENTS -> {
                timeline.refresh(kind);
                evidence.refresh();
                detections.refresh();
            }
            case ANNOTATIONS -> {
                timeline.refresh(kind);
                detail.show(timeline.selectedProperty().get());
            }
            case IMPORT_DONE -> {
                timeline.refresh(CaseSession.Kind.IMPORT_DONE);
                evidence.importDone();
                detections.refresh();
                rules.evidenceChanged();
                processTrees.invalidate();
                findGaps(session.get());
            }
        }
    }

    /** Looks for record-id and time gaps in the case's logs, on its second connection; shown when found. */
    private void findGaps(CaseSession current) {
        if (current == null) {
            return;
        }
        tasks.run("looking for gaps in the logs", () -> {
            current.gaps(current.reads().call(GapFinder::find));
            return current.gaps().size();
        }, found -> {
            if (current == session.get() && found > 0) {
                evidence.refresh();
                timeline.refresh(CaseSession.Kind.ANNOTATIONS);
            }
        }, e -> { });
    }

    // ---- evidence and jobs ----

    /** Adds evidence to the open case (a new case in the Sigmascope folder if none is open) and scans it. */
    public void openEvidence(List<Path> paths) {
        if (jobs.busyProperty().get() || opening.get()) {
            status.set("An import is running; wait for it or cancel it first.");
            return;
        }
        if (session.get() == null) {
            try {
                openCase(workspace.newCaseFile(), paths);
            } catch (IOException e) {
                failed("A new case could not be created", BackgroundTasks.plain(e));
            }
            return;
        }
        boolean first = evidence.items().isEmpty();
        if (first) {
            timeline.showDetections();
        }
        jobs.importEvidence(paths, this::appRules, settings.get());
    }

    /** Resumes an interrupted import from where its committed events end. */
    public void resume(int sourceId) {
        jobs.resume(sourceId, this::appRules, settings.get());
    }

    /** Rolls back an interrupted import; {@code force} also deletes the analyst's annotations on its events. */
    public void rollback(int sourceId, boolean force) {
        jobs.rollback(sourceId, force);
    }

    /** Brings the case's detections in line with the rules chosen now, without reading the evidence again. */
    public void rescan() {
        jobs.rescan(this::appRules, settings.get());
    }

    public void cancel() {
        jobs.cancel();
    }

    /**
     * Updates the rule library in the background: from SigmaHQ's latest release when {@code origin} is null, else
     * from the address or archive file given. The outcome goes to the status bar (the details to the log); the next
     * import uses the new rules, and a re-scan applies them to the case.
     */
    public void updateRules(String origin) {
        status.set("Updating the rule library…");
        jobs.run("Updating the rule library", (p, cancel) -> new RuleUpdater(RuleLibrary.of(workspace),
                UpdateLimits.defaults()).update(UpdateRequest.defaults().withOrigin(origin), p), null, result -> {
                    loadedRules = null;
                    rules.reload();
                    return RuleUpdateSummary.of(result);
                }, e -> "Rule update refused: " + BackgroundTasks.plain(e) + " The rules in use are unchanged.");
    }

    // ---- settings ----

    /** Keeps new settings and applies them: the zone, the rules (reloaded if their sources changed). */
    public void saveSettings(AppSettings next) {
        AppSettings previous = settings.get();
        settings.set(next);
        timeline.zoneProperty().set(next.zoneId());
        rules.selectionProperty().set(next.rules());
        if (!previous.ruleFolders().equals(next.ruleFolders())
                || !java.util.Objects.equals(previous.placeholders(), next.placeholders())) {
            loadedRules = null;
            rules.reload();
        }
        tasks.run("saving the settings", () -> {
            settingsStore.save(next);
            return null;
        }, done -> { }, e -> status.set("The settings could not be saved: " + BackgroundTasks.plain(e)));
    }

    /** Keeps settings at once, on the calling thread (when the app stops). */
    public void saveSettingsNow(AppSettings next) {
        settings.set(next);
        try {
            settingsStore.save(next);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "saving the settings", e);
        }
    }

    /** Keeps the case's details (name, reference, examiner …) in the case, for reports. */
    public void saveCaseDetails(Map<String, String> details) {
        CaseSession current = session.get();
        if (current == null) {
            return;
        }
        tasks.run("saving the case details", () -> {
            CaseMeta meta = new CaseMeta(current.store());
            for (Map.Entry<String, String> detail : details.entrySet()) {
                meta.put(detail.getKey(), detail.getValue() == null || detail.getValue().isBlank() ? null
                        : detail.getValue().strip());
            }
            return null;
        }, done -> status.set("Case details saved."), e -> failed("The case details could not be saved",
                BackgroundTasks.plain(e)));
    }

    /** The case's details, for the dialog. */
    public void caseDetails(Consumer<org.sigmascope.report.model.CaseDetails> show) {
        CaseSession current = session.get();
        if (current != null) {
            tasks.run("reading the case details", () -> StoredCaseDetails.read(current.store()), show,
                    e -> failed("The case details could not be read", BackgroundTasks.plain(e)));
        }
    }

    private void failed(String title, String message) {
        status.set(title + ": " + message);
        notice.set(new Notice(title, message, true));
    }

    /** A job's failure: its sentence already says what failed, so the status bar shows it alone. */
    private void jobFailed(String title, String message) {
        status.set(message);
        notice.set(new Notice(title, message, true));
    }

    /** Clears the notice once shown. */
    public void noticeShown() {
        notice.set(null);
    }

    @Override
    public void close() {
        jobs.cancel();
        timeline.close();
        tasks.close();
        CaseSession current = session.get();
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the case", e);
            }
        }
    }
}
