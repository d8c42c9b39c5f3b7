package org.sigmascope.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.concurrent.Task;
import javafx.util.Duration;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.scan.CaseRescan;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.evidence.EvidenceViewModel;
import org.sigmascope.ui.probe.FxStallProbe;
import org.sigmascope.ui.rules.AppRules;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.settings.AppSettings;

/**
 * The app's long jobs, one at a time, in the background: imports, resumes, roll-backs, re-scans, rule updates.
 * While one runs, a timer reads its progress a few times a second into {@link ImportProgress}, and tells the views
 * the case changed at most every {@value #REFRESH_MS} ms (so that a fast import does not turn into a storm of
 * queries). When it ends, the FX thread's stall figures for its duration go to the log.
 */
final class Jobs {
    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    static final long REFRESH_MS = 1500;

    private final BackgroundTasks tasks;
    private final FxStallProbe probe;
    private final Consumer<String> status;
    private final BiConsumer<String, String> failed;
    private final ReadOnlyObjectProperty<CaseSession> session;
    private final EvidenceViewModel evidence;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ImportProgress progress = new ImportProgress();
    private Task<?> running;
    private Timeline poller;

    Jobs(BackgroundTasks tasks, FxStallProbe probe, Consumer<String> status, BiConsumer<String, String> failed,
         ReadOnlyObjectProperty<CaseSession> session, EvidenceViewModel evidence) {
        this.tasks = tasks;
        this.probe = probe;
        this.status = status;
        this.failed = failed;
        this.session = session;
        this.evidence = evidence;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ImportProgress progress() {
        return progress;
    }

    private static CaseScan.Options options(AppSettings settings) {
        return CaseScan.Options.defaults().withRead(ReadOptions.defaults()
                .withIncludeRecovered(settings.includeRecovered()));
    }

    void importEvidence(List<Path> paths, Supplier<AppRules> rules, AppSettings settings) {
        CaseSession current = session.get();
        ImportFeed feed = new ImportFeed();
        run("Importing", (p, cancel) -> CaseScan.run(current.store(), paths, rules.get().caseRules(settings.rules()),
                options(settings), feed, cancel, feed), feed, summary -> {
                    String text = String.format("%,d events from %d source(s), %,d detections", summary.events(),
                            summary.sources(), summary.detections());
                    LOG.info(() -> "import finished: " + text + " into " + current.file());
                    return "Imported " + text + (summary.failedSources() > 0 ? String.format("; %d file(s) could "
                            + "not be read (see the Evidence panel)", summary.failedSources()) : "")
                            + leftOut(feed.leftOut()) + ".";
                }, e -> "Import failed: " + BackgroundTasks.plain(e) + " What was read so far is in the case.");
    }

    /** The files an import left out because the case holds them already, in words. */
    static String leftOut(List<String> files) {
        if (files.isEmpty()) {
            return "";
        }
        return "; left out, already in the case: " + (files.size() <= 3 ? String.join(", ", files)
                : String.join(", ", files.subList(0, 3)) + " and " + (files.size() - 3) + " more");
    }

    void resume(int sourceId, Supplier<AppRules> rules, AppSettings settings) {
        CaseSession current = session.get();
        ImportFeed feed = new ImportFeed();
        run("Resuming", (p, cancel) -> CaseScan.resume(current.store(), sourceId, rules.get()
                .caseRules(settings.rules()), options(settings), feed, cancel, feed), feed,
                summary -> String.format("Import resumed and finished: %,d more events, %,d detections.",
                        summary.events(), summary.detections()),
                e -> "The import could not be resumed: " + BackgroundTasks.plain(e));
    }

    void rollback(int sourceId, boolean force) {
        CaseSession current = session.get();
        run("Rolling back", (p, cancel) -> {
            current.store().rollback(sourceId, force);
            return null;
        }, null, done -> "The interrupted import was rolled back: its events and detections are gone from the "
                + "case.", e -> "The import could not be rolled back: " + BackgroundTasks.plain(e));
    }

    void rescan(Supplier<AppRules> rules, AppSettings settings) {
        CaseSession current = session.get();
        ImportFeed feed = new ImportFeed();
        run("Re-scanning", (p, cancel) -> CaseRescan.run(current.store(), rules.get().caseRules(settings.rules()),
                CommitPolicy.defaults(), (done, total, message) -> {
                    feed.update(done, total, "");
                    feed.committed(done, 0);
                }, cancel), feed, summary -> summary.changed() == 0 && summary.removed() == 0
                ? "The case's detections already follow the rules chosen: nothing to re-scan."
                : String.format("Re-scanned: %,d rules matched again over %,d stored events (%,d detections); "
                        + "detections of %,d rules removed.", summary.changed(), summary.events(),
                        summary.detections(), summary.removed()),
                e -> "The re-scan stopped: " + BackgroundTasks.plain(e) + " Run it again to finish it.");
    }

    /**
     * Runs a job.
     *
     * @param feed     its progress, or {@code null} when it reports none
     * @param done     the status-bar sentence for its result
     * @param failure  the sentence for its failure
     */
    <T> void run(String what, BackgroundTasks.Work<T> work, ImportFeed feed, Function<T, String> done,
                 Function<Throwable, String> failure) {
        if (busy.get()) {
            status.accept("A job is running (" + progress.textProperty().get() + "); wait for it or cancel it.");
            return;
        }
        Task<T> task = tasks.task(what, work);
        running = task;
        busy.set(true);
        progress.start(what);
        if (probe != null) {
            probe.reset();
        }
        startPolling(feed);
        task.setOnSucceeded(e -> finish(what, done.apply(task.getValue()), false));
        task.setOnFailed(e -> {
            if (task.getException() instanceof java.util.concurrent.CancellationException) {
                finish(what, what + " cancelled; what was done so far is kept in the case"
                        + (feed != null ? " (resume or roll back the import in the Evidence panel)." : "."), false);
            } else {
                finish(what, failure.apply(task.getException()), true);
            }
        });
        tasks.start(task);
    }

    private void startPolling(ImportFeed feed) {
        long[] seen = {0, System.currentTimeMillis()};
        poller = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            if (feed == null) {
                return;
            }
            long now = System.nanoTime();
            progress.sample(now, feed.bytesDone(), feed.bytesTotal(), feed.events(), feed.source());
            evidence.importing(feed.source(), progress.sourceDone(feed.bytesDone()));
            CaseSession current = session.get();
            long millis = System.currentTimeMillis();
            if (current != null && feed.commits() != seen[0] && millis - seen[1] >= REFRESH_MS) {
                seen[0] = feed.commits();
                seen[1] = millis;
                current.changed(CaseSession.Kind.EVENTS);
            }
        }));
        poller.setCycleCount(Timeline.INDEFINITE);
        poller.play();
    }

    private void finish(String what, String message, boolean failure) {
        if (poller != null) {
            poller.stop();
        }
        running = null;
        busy.set(false);
        if (probe != null) {
            org.sigmascope.ui.probe.StallStats.Snapshot stats = probe.snapshot();
            LOG.info(() -> "FX thread during '" + what + "': " + stats);
            stats.traces().forEach(trace -> LOG.info(() -> "FX thread stall " + trace));
        }
        CaseSession current = session.get();
        if (current != null) {
            current.changed(CaseSession.Kind.IMPORT_DONE);
        }
        if (failure) {
            failed.accept(what + " failed", message);
        } else {
            status.accept(message);
        }
    }

    void cancel() {
        if (running != null) {
            running.cancel();
            status.accept("Cancelling: the batch being read is committed first…");
        }
    }
}
