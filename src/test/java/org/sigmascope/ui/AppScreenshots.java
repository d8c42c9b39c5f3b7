package org.sigmascope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.ui.settings.AppSettings;
import org.sigmascope.ui.settings.SettingsStore;
import org.sigmascope.ui.settings.WindowLayout;
import org.sigmascope.ui.timeline.Columns;
import org.sigmascope.ui.timeline.RowRef;

/**
 * Renders the screenshots of README.md and docs/user-guide.md from the real app on a real display (run it under
 * Xvfb: docs/screenshots/make-app-screenshots.sh). Everything shown is the sample evidence and evidence made by
 * {@code sigmascope generate}; nothing is staged by hand.
 *
 * <pre>java -cp … org.sigmascope.ui.AppScreenshots OUTPUT-FOLDER</pre>
 */
public final class AppScreenshots {
    private static final String SEED = "WMI Persistence - Script Event Consumer";

    private final Path output;
    private final Path home;
    private SigmascopeApp app;

    private AppScreenshots(Path output, Path home) {
        this.output = output;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path home = Files.createTempDirectory("sigmascope-screenshots");
        new AppScreenshots(output, home).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(output);
        System.setProperty("sigmascope.home", home.toString());
        System.setProperty("sigmascope.samples", "samples");
        new SettingsStore(home.resolve("settings.json")).save(AppSettings.defaults().withWindow(
                new WindowLayout(0, 0, 1920, 1080, false, 0.15, 0.73)));
        Path generated = generate();
        FxToolkit.registerPrimaryStage();
        app = (SigmascopeApp) FxToolkit.setupApplication(SigmascopeApp.class);
        pause(2);
        // Two earlier cases, so the start screen shows recent ones.
        openThenClose("acme-ws01-intrusion", List.of(Path.of("samples/wmi-persistence")));
        openThenClose("training-generated-day", List.of(Path.of("samples/generated/evidence")));
        shot("start.png");

        // A new case of the samples: the detections, the first one opened with why it matched.
        FxTests.fx(() -> app.model().openCase(home.resolve("cases/wmi-persistence.duckdb"),
                List.of(Path.of("samples"))));
        idle();
        selectRowWithRule(SEED);
        FxTests.fx(() -> app.view().detail().showTab("why"));
        pause(1);
        shot("main-window.png");
        FxTests.fx(() -> app.view().detail().showTab("rule"));
        pause(1);
        shot("rule-detail.png");
        exportDialog();

        // The timeline: all events, a column filter, a brushed range, and a query with an error.
        FxTests.fx(() -> {
            app.model().timeline().detectionsOnlyProperty().set(false);
            app.model().timeline().filterColumn(Columns.byId("channel").orElseThrow(),
                    List.of("Microsoft-Windows-Sysmon/Operational"), false);
        });
        idle();
        FxTests.fx(() -> app.view().detail().showTab("fields"));
        selectRow(3);
        shot("timeline-filters.png");
        FxTests.fx(() -> {
            app.model().timeline().queryProperty().set("Image:*\\powershell.exe AND (CommandLine:*http*");
            app.model().timeline().apply();
        });
        pause(2);
        shot("query-error.png");
        FxTests.fx(() -> {
            app.model().timeline().queryProperty().set("");
            app.model().timeline().chips().clear();
            app.model().timeline().detectionsOnlyProperty().set(true);
            app.model().timeline().apply();
        });
        idle();

        // The process tree at the detection.
        selectRowWithRule(SEED);
        FxTests.fx(() -> {
            app.view().show("tree");
            app.model().processTrees().revealEvent(app.model().timeline().selectedProperty().get().id());
        });
        waitFor(() -> app.model().processTrees().treeProperty().get() != null);
        pause(2);
        shot("process-tree.png");

        // The rules, judged on this evidence.
        FxTests.fx(() -> app.view().show("rules"));
        waitFor(() -> !app.model().rulesModel().loadingProperty().get());
        pause(2);
        shot("rules.png");
        FxTests.fx(() -> app.view().show("timeline"));

        // The dark theme.
        FxTests.fx(() -> app.model().saveSettings(app.model().settingsProperty().get().withTheme("dark")));
        selectRowWithRule(SEED);
        FxTests.fx(() -> app.view().detail().showTab("fields"));
        pause(2);
        shot("dark-theme.png");
        FxTests.fx(() -> app.model().saveSettings(app.model().settingsProperty().get().withTheme("light")));

        // An import in progress, in a new case: the progress bar, events per second, time left; the evidence panel.
        FxTests.fx(() -> app.model().openCase(home.resolve("cases/generated-week.duckdb"), List.of(generated)));
        waitFor(() -> app.model().busyProperty().get());
        FxTests.fx(() -> app.view().showSidebar("evidence"));
        FxTests.fx(() -> app.model().timeline().showAll());
        waitFor(() -> app.model().progress().textProperty().get().contains("events/s")
                && app.model().timeline().countProperty().get() > 5_000);
        pause(2);
        shot("import-progress.png");
        FxTests.fx(() -> app.model().cancel());
        waitFor(() -> !app.model().busyProperty().get());
        pause(2);
        shot("interrupted-import.png");
        FxToolkit.cleanupApplication(app);
    }

    /** Evidence made by the generator: a few hosts over a week, enough for an import that takes a while. */
    private Path generate() throws Exception {
        Path folder = home.resolve("generated");
        int exit = org.sigmascope.cli.SigmascopeCommand.run(new String[] {"generate", "--hosts", "6", "--events",
            "1500000", "--seed", "7", "--format", "evtx", "--duration", "7d", "-o", folder.toString()},
                System.out, System.err);
        if (exit != 0) {
            throw new IllegalStateException("sigmascope generate failed: " + exit);
        }
        return folder.resolve("evidence");
    }

    private void openThenClose(String name, List<Path> evidence) {
        FxTests.fx(() -> app.model().openCase(home.resolve("cases/" + name + ".duckdb"), evidence));
        idle();
        FxTests.fx(() -> app.model().closeCase());
        waitFor(() -> app.model().sessionProperty().get() == null);
        pause(1);
    }

    private void idle() {
        waitFor(() -> app.model().sessionProperty().get() != null && !app.model().busyProperty().get()
                && !app.model().openingProperty().get() && !app.model().timeline().countingProperty().get()
                && app.model().timeline().firstPageMillisProperty().get() >= 0);
        pause(2);
    }

    private void selectRow(int index) {
        FxTests.fx(() -> {
            app.view().timeline().table().getSelectionModel().clearAndSelect(index);
            app.view().timeline().table().scrollTo(0);
        });
        pause(1);
    }

    /** Selects the first row whose rules include this one. */
    private void selectRowWithRule(String rule) {
        int size = FxTests.fx(() -> app.model().timeline().rowsProperty().get().size());
        for (int i = 0; i < size; i++) {
            int index = i;
            RowRef ref = FxTests.fx(() -> app.model().timeline().rowsProperty().get().get(index));
            FxTests.fx(() -> app.model().timeline().row(ref));
            waitFor(() -> app.model().timeline().loaded(ref) != null);
            if (FxTests.fx(() -> app.model().timeline().loaded(ref).extras().ruleTitles().contains(rule))) {
                selectRow(i);
                waitFor(() -> !app.model().detail().detections().isEmpty());
                return;
            }
        }
        throw new IllegalStateException("no row of " + rule);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!FxTests.fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
    }

    private static void pause(int seconds) {
        WaitForAsyncUtils.sleep(seconds, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** File › Export…, as it opens on the case. */
    private void exportDialog() throws IOException {
        Stage main = window("Sigmascope");
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.MenuBar) main.getScene().getRoot()
                .lookup(".menu-bar")).getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "export".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                && "Export".equals(s.getTitle())));
        pause(1);
        Stage dialog = window("Export");
        shot(dialog, "export-dialog.png");
        FxTests.fx(() -> ((javafx.scene.control.Button) ((javafx.scene.control.DialogPane) dialog.getScene().getRoot())
                .lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());
        pause(1);
    }

    private static Stage window(String title) {
        return FxTests.fx(() -> (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith(title)).findFirst().orElseThrow());
    }

    /** Writes the main window as it is on screen. */
    private void shot(String name) throws IOException {
        shot(window("Sigmascope"), name);
    }

    private void shot(Stage stage, String name) throws IOException {
        Png.write(stage, output.resolve(name));
        System.out.println("wrote " + output.resolve(name));
    }
}
