package org.sigmascope.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.sigmascope.caseview.Gap;
import org.sigmascope.ui.Dialogs;
import org.sigmascope.ui.detail.DetailView;
import org.sigmascope.ui.detections.DetectionsView;
import org.sigmascope.ui.evidence.EvidenceView;
import org.sigmascope.ui.export.ExportDialog;
import org.sigmascope.ui.export.ExportViewModel;
import org.sigmascope.ui.proctree.ProcessTreeView;
import org.sigmascope.ui.rules.RulesView;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.settings.AppSettings;
import org.sigmascope.ui.settings.SettingsDialog;
import org.sigmascope.ui.start.StartView;
import org.sigmascope.ui.timeline.TimelineView;

/**
 * The main window: the menus; with no case open, the start screen; with one, the side panel (detections and
 * evidence), the timeline, process trees and rules, and the detail pane; the status bar. Files and folders dropped
 * anywhere on it are opened (a case file opens the case; anything else is evidence).
 */
public final class MainView {
    private final MainViewModel model;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final TabPane sidebar = new TabPane();
    private final TabPane views = new TabPane();
    private final SplitPane split = new SplitPane();
    private final TimelineView timeline;
    private final DetailView detail;
    private final ExportViewModel export;
    private final Tab timelineTab;
    private final Tab treeTab;
    private final Tab rulesTab;

    /** @param openLink opens an address in the system's browser */
    public MainView(MainViewModel model, Stage stage, Consumer<String> openLink) {
        this.model = model;
        this.stage = stage;
        this.timeline = new TimelineView(model.timeline(), model.rowActions(),
                () -> model.settingsProperty().get().contextMinutes(), entry -> {
                    show("tree");
                    model.processTrees().revealEvent(entry.id());
                }, model.busyProperty());
        this.detail = new DetailView(model.detail(), openLink, model.timeline()::addChip);
        this.export = new ExportViewModel(model.tasks(), model.sessionProperty()::get, model.timeline()::filter,
                () -> model.timeline().sortProperty().get());
        Tab detections = new Tab("Detections", new DetectionsView(model.detections()).root());
        detections.setId("detectionsTab");
        Tab evidence = new Tab("Evidence", new EvidenceView(model.evidence(), evidenceActions()).root());
        evidence.setId("evidenceTab");
        sidebar.getTabs().addAll(detections, evidence);
        sidebar.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setId("sidebar");
        timelineTab = new Tab("Timeline", timeline.root());
        timelineTab.setId("timelineTab");
        treeTab = new Tab("Process trees", new ProcessTreeView(model.processTrees(),
                () -> model.settingsProperty().get().zoneId()).root());
        treeTab.setId("treeTab");
        treeTab.setOnSelectionChanged(e -> {
            if (treeTab.isSelected()) {
                model.processTrees().ensureBuilt();
            }
        });
        rulesTab = new Tab("Rules", new RulesView(model.rulesModel(), rulesActions()).root());
        rulesTab.setId("rulesTab");
        views.getTabs().addAll(timelineTab, treeTab, rulesTab);
        // The detail pane is the timeline's; the tree and the rules take the width it leaves.
        views.getSelectionModel().selectedItemProperty().addListener((o, old, tab) -> placeDetail(tab));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().addAll(sidebar, views, detail.root());
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane.setResizableWithParent(detail.root(), false);
        AppSettings settings = model.settingsProperty().get();
        split.setDividerPositions(settings.window().sidebar(), settings.window().detail());
        StartView start = new StartView(model.settingsProperty(), model.workspace().home(), startActions());
        center.getChildren().addAll(split, start.root());
        split.visibleProperty().bind(model.sessionProperty().isNotNull());
        start.root().visibleProperty().bind(model.sessionProperty().isNull());
        root.setTop(new Menus(this, model, stage, openLink).bar());
        root.setCenter(center);
        root.setBottom(new StatusBar(model).root());
        enableDrop();
        model.noticeProperty().addListener((o, old, notice) -> {
            if (notice != null) {
                if (notice.failure()) {
                    Dialogs.failure(stage, notice.title(), notice.message());
                } else {
                    Dialogs.information(stage, notice.title(), notice.message());
                }
                model.noticeShown();
            }
        });
        model.sessionProperty().addListener((o, old, session) -> {
            stage.setTitle(title(session));
            if (session != null) {
                views.getSelectionModel().select(timelineTab);
            }
        });
        stage.setTitle(title(null));
    }

    private static String title(CaseSession session) {
        return "Sigmascope " + org.sigmascope.Version.version() + (session == null ? "" : " — " + session.name());
    }

    public Parent root() {
        return root;
    }

    private double detailDivider = -1;

    private void placeDetail(Tab tab) {
        boolean wanted = tab == timelineTab;
        boolean there = split.getItems().contains(detail.root());
        if (wanted && !there) {
            split.getItems().add(detail.root());
            double sidebar = split.getDividerPositions()[0];
            split.setDividerPositions(sidebar, detailDivider > 0 ? detailDivider : 0.7);
        } else if (!wanted && there) {
            detailDivider = split.getDividerPositions()[1];
            split.getItems().remove(detail.root());
        }
    }

    public TimelineView timeline() {
        return timeline;
    }

    public DetailView detail() {
        return detail;
    }

    /** The divider positions, for the window layout kept in the settings. */
    public double[] dividerPositions() {
        double[] positions = split.getDividerPositions();
        return positions.length > 1 ? positions : new double[] {positions[0], detailDivider > 0 ? detailDivider : 0.7};
    }

    /** Shows a view: {@code timeline}, {@code tree} or {@code rules}. */
    public void show(String view) {
        views.getSelectionModel().select(switch (view) {
            case "tree" -> treeTab;
            case "rules" -> rulesTab;
            default -> timelineTab;
        });
    }

    /** Shows a tab of the side panel: {@code detections} or {@code evidence}. */
    public void showSidebar(String tab) {
        sidebar.getTabs().stream().filter(t -> t.getId().equals(tab + "Tab")).findFirst()
                .ifPresent(t -> sidebar.getSelectionModel().select(t));
    }

    // ---- what the menus and buttons do ----

    void newCase() {
        FileChooser chooser = caseChooser("New case");
        chooser.setInitialFileName("case-" + java.time.LocalDate.now() + ".duckdb");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.newCase(file.toPath());
        }
    }

    void openCase() {
        File file = caseChooser("Open case").showOpenDialog(stage);
        if (file != null) {
            model.openCase(file.toPath(), List.of());
        }
    }

    private FileChooser caseChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sigmascope cases", "*.duckdb",
                "*.sigmascope"), new FileChooser.ExtensionFilter("All files", "*"));
        File cases = model.workspace().home().resolve("cases").toFile();
        if (cases.isDirectory()) {
            chooser.setInitialDirectory(cases);
        }
        return chooser;
    }

    void addEvidenceFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add evidence");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Event logs", "*.evtx", "*.json", "*.jsonl", "*.ndjson", "*.csv",
                        "*.gz", "*.zip", "*.tar", "*.tgz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            model.openEvidence(files.stream().map(File::toPath).toList());
        }
    }

    void addEvidenceFolder() {
        File folder = new DirectoryChooser().showDialog(stage);
        if (folder != null) {
            model.openEvidence(List.of(folder.toPath()));
        }
    }

    void exportCase() {
        if (model.sessionProperty().get() == null) {
            model.statusProperty().set("Open a case first.");
            return;
        }
        Path folder = model.caseFile().toAbsolutePath().getParent();
        ExportDialog.open(stage, export, model.settingsProperty().get().zoneId(), folder,
                model.statusProperty()::set);
    }

    void caseDetails() {
        if (model.sessionProperty().get() != null) {
            CaseDetailsDialog.open(stage, model);
        }
    }

    void settings() {
        SettingsDialog.edit(stage, model.settingsProperty().get()).ifPresent(model::saveSettings);
    }

    void addRuleFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder of Sigma rules (a SigmaHQ clone, your own rules)");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            AppSettings current = model.settingsProperty().get();
            if (!current.ruleFolders().contains(folder.getPath())) {
                List<String> folders = new java.util.ArrayList<>(current.ruleFolders());
                folders.add(folder.getPath());
                model.saveSettings(current.withRuleFolders(folders));
                model.statusProperty().set("Rule folder added: " + folder + ". Re-scan the case to apply it.");
            }
        }
    }

    void updateRulesFromArchive() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Sigma rule archive");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rule archives", "*.zip"));
        File archive = chooser.showOpenDialog(stage);
        if (archive != null) {
            model.updateRules(archive.getPath());
        }
    }

    void openSamples() {
        Path folder = SampleEvidence.folder();
        if (folder != null) {
            model.openEvidence(List.of(folder));
        }
    }

    private StartView.Actions startActions() {
        return new StartView.Actions() {
            @Override
            public void newCase() {
                MainView.this.newCase();
            }

            @Override
            public void openCase() {
                MainView.this.openCase();
            }

            @Override
            public void openRecent(Path file) {
                model.openCase(file, List.of());
            }

            @Override
            public void addEvidence() {
                addEvidenceFiles();
            }

            @Override
            public void openSamples() {
                MainView.this.openSamples();
            }

            @Override
            public boolean hasSamples() {
                return SampleEvidence.folder() != null;
            }
        };
    }

    private EvidenceView.Actions evidenceActions() {
        return new EvidenceView.Actions() {
            @Override
            public void resume(int sourceId) {
                model.resume(sourceId);
            }

            @Override
            public void rollback(int sourceId, boolean force) {
                model.rollback(sourceId, force);
            }

            @Override
            public void showEvent(long eventId) {
                show("timeline");
                model.timeline().context(eventId, Duration.ofMinutes(model.settingsProperty().get()
                        .contextMinutes()));
            }

            @Override
            public List<Gap> gaps(int sourceId) {
                CaseSession session = model.sessionProperty().get();
                return session == null ? List.of() : session.gaps().values().stream()
                        .filter(g -> g.sourceId() == sourceId)
                        .sorted(java.util.Comparator.comparingLong(Gap::eventId)).toList();
            }
        };
    }

    private RulesView.Actions rulesActions() {
        return new RulesView.Actions() {
            @Override
            public void rescan() {
                model.rescan();
            }

            @Override
            public void addRuleFolder() {
                MainView.this.addRuleFolder();
            }

            @Override
            public void updateFromSigmaHq() {
                model.updateRules(null);
            }
        };
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!center.getStyleClass().contains("drop-target")) {
                    center.getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        root.setOnDragExited(e -> center.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.openPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            center.getStyleClass().remove("drop-target");
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
