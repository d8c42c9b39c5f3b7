package org.sigmascope.ui.main;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.sigmascope.Version;
import org.sigmascope.logging.AppLog;
import org.sigmascope.ui.Dialogs;
import org.sigmascope.ui.probe.FxStallProbe;

/** The main window's menus and their keyboard shortcuts. */
final class Menus {
    private final MainView view;
    private final MainViewModel model;
    private final Stage stage;
    private final BooleanBinding noCase;
    private final java.util.function.Consumer<String> openLink;

    Menus(MainView view, MainViewModel model, Stage stage, java.util.function.Consumer<String> openLink) {
        this.view = view;
        this.model = model;
        this.stage = stage;
        this.openLink = openLink;
        this.noCase = model.sessionProperty().isNull();
    }

    MenuBar bar() {
        MenuBar bar = new MenuBar(file(), edit(), viewMenu(), rules(), help());
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (id != null) {
            item.setId(id);
        }
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private MenuItem needsCase(MenuItem item) {
        item.disableProperty().bind(noCase);
        return item;
    }

    private Menu file() {
        Menu recent = new Menu("Recent cases");
        recent.setOnShowing(e -> fillRecent(recent));
        recent.getItems().add(new MenuItem("…"));
        MenuItem close = needsCase(item("Close case", "closeCase", "Shortcut+W", model::closeCase));
        return new Menu("File", null,
                item("New case…", "newCaseMenu", "Shortcut+N", view::newCase),
                item("Open case…", "openCaseMenu", "Shortcut+O", view::openCase),
                recent, close, new SeparatorMenuItem(),
                item("Add evidence files…", "addEvidence", "Shortcut+I", view::addEvidenceFiles),
                item("Add evidence folder…", "addFolder", "Shortcut+Shift+I", view::addEvidenceFolder),
                new SeparatorMenuItem(),
                needsCase(item("Case details…", "caseDetails", null, view::caseDetails)),
                needsCase(item("Export…", "export", "Shortcut+E", view::exportCase)),
                new SeparatorMenuItem(),
                item("Settings…", "settings", "Shortcut+Comma", view::settings),
                new SeparatorMenuItem(),
                item("Quit", "quit", "Shortcut+Q", stage::close));
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<String> files = model.settingsProperty().get().recentCases();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent cases");
            none.setDisable(true);
            recent.getItems().add(none);
        }
        for (String file : files) {
            MenuItem item = new MenuItem(file);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openCase(Path.of(file), List.of()));
            recent.getItems().add(item);
        }
    }

    private Menu edit() {
        return new Menu("Edit", null,
                needsCase(item("Find in the timeline", "find", "Shortcut+F", () -> {
                    view.show("timeline");
                    view.timeline().focusQuery();
                })),
                needsCase(item("Copy selected rows", "copyRows", null, view.timeline()::copySelection)),
                new SeparatorMenuItem(),
                needsCase(item("Star or unstar (S)", "star", null, view.timeline()::starSelection)),
                needsCase(item("Tag… (T)", "tag", null, view.timeline()::tagSelection)),
                needsCase(item("Note… (N)", "note", null, view.timeline()::noteSelection)),
                needsCase(item("Show context (X)", "context", null, view.timeline()::contextOfSelection)));
    }

    private Menu viewMenu() {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkMenu");
        dark.setSelected(model.settingsProperty().get().dark());
        model.settingsProperty().addListener((o, old, s) -> dark.setSelected(s.dark()));
        dark.setOnAction(e -> model.saveSettings(model.settingsProperty().get()
                .withTheme(dark.isSelected() ? "dark" : "light")));
        return new Menu("View", null,
                needsCase(item("Timeline", "showTimeline", "Shortcut+1", () -> view.show("timeline"))),
                needsCase(item("Process trees", "showTrees", "Shortcut+2", () -> view.show("tree"))),
                needsCase(item("Rules", "showRules", "Shortcut+3", () -> view.show("rules"))),
                new SeparatorMenuItem(),
                needsCase(item("Columns…", "columns", null, view.timeline()::chooseColumns)),
                needsCase(item("Back", "backMenu", "Alt+Left", model.timeline()::back)),
                needsCase(item("Detections only", "detectionsOnlyMenu", "Shortcut+D", () -> {
                    model.timeline().remember();
                    model.timeline().detectionsOnlyProperty().set(!model.timeline().detectionsOnlyProperty().get());
                    model.timeline().apply();
                })),
                new SeparatorMenuItem(), dark);
    }

    private Menu rules() {
        return new Menu("Rules", null,
                needsCase(item("Re-scan the case", "rescanMenu", "Shortcut+R", model::rescan)),
                new SeparatorMenuItem(),
                item("Add a rule folder…", "addRuleFolder", null, view::addRuleFolder),
                item("Update rules from SigmaHQ", "updateRules", null, () -> model.updateRules(null)),
                item("Update rules from an archive file…", "updateRulesFile", null, view::updateRulesFromArchive));
    }

    private Menu help() {
        MenuItem samples = item("Open the sample evidence", "openSamples", null, view::openSamples);
        samples.setDisable(SampleEvidence.folder() == null);
        return new Menu("Help", null, samples,
                item("Keyboard shortcuts", "shortcuts", "F1", () -> Dialogs.information(stage,
                        "Keyboard shortcuts", Shortcuts.TEXT)),
                item("Responsiveness", "responsiveness", null, this::responsiveness),
                item("Open the log folder", "logFolder", null, this::openLogFolder),
                new SeparatorMenuItem(),
                item("About Sigmascope", "about", null, () -> Dialogs.information(stage, "Sigmascope "
                        + Version.version(), "Commit " + Version.commit() + (Version.modifiedTree() ? " (modified)"
                        : "") + ", built " + Version.built() + ".\nJava " + System.getProperty("java.version")
                        + ", JavaFX " + System.getProperty("javafx.runtime.version") + ".\nCases, rules and logs: "
                        + model.workspace().home())));
    }

    /** What the FX-thread probe measured since the last job started. */
    private void responsiveness() {
        FxStallProbe probe = model.probe();
        Dialogs.information(stage, "Responsiveness", probe == null ? "The probe is not running."
                : "How long the window's thread was busy at a stretch, since the last import or scan started (a "
                + "ping every 10 ms measures it):\n\n" + probe.snapshot() + "\n\nOver 100 ms is a stall you notice.");
    }

    private void openLogFolder() {
        Path folder = AppLog.current().map(Path::getParent).orElse(model.workspace().home().resolve("logs"));
        openLink.accept(folder.toUri().toString());
        model.statusProperty().set("The log is in " + folder);
    }
}
