package org.sigmascope.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;
import org.sigmascope.ui.detail.DetailView;

/** The main window: menu, detections and events tables, the detail pane, and the status bar. */
public final class MainView {
    private final MainViewModel model;
    private final Stage stage;
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        TabPane tables = new TabPane(
                new Tab("Detections", detectionsTable()),
                new Tab("Events", eventsTable()));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        DetailView detail = new DetailView(model);
        SplitPane split = new SplitPane(tables, detail.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        root.setTop(menuBar());
        root.setCenter(split);
        root.setBottom(statusBar());
        enableDrop();
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem openFiles = new MenuItem("Open evidence files…");
        openFiles.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openFiles.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open evidence");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Event logs", "*.evtx", "*.json", "*.jsonl", "*.csv", "*.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            List<File> files = chooser.showOpenMultipleDialog(stage);
            if (files != null) {
                model.openEvidence(files.stream().map(File::toPath).toList());
            }
        });
        MenuItem openFolder = new MenuItem("Open evidence folder…");
        openFolder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openFolder.setOnAction(e -> {
            File folder = new DirectoryChooser().showDialog(stage);
            if (folder != null) {
                model.openEvidence(List.of(folder.toPath()));
            }
        });
        MenuItem export = new MenuItem("Export detections as CSV…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export detections");
            chooser.setInitialFileName("detections.csv");
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                model.exportDetectionsCsv(file.toPath());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, openFiles, openFolder, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        return new MenuBar(file, rulesMenu(), helpMenu());
    }

    /** The sample evidence shipped with the app, so a new user sees a detection before finding any evidence. */
    private Menu helpMenu() {
        MenuItem samples = new MenuItem("Open the sample evidence");
        samples.setId("openSamples");
        Path folder = SampleEvidence.folder();
        samples.setDisable(folder == null);
        samples.setOnAction(e -> model.openEvidence(List.of(folder)));
        return new Menu("Help", null, samples);
    }

    /** Rule updates: the only actions of the app that use the network, and only the first of these does. */
    private Menu rulesMenu() {
        MenuItem fromSigmaHq = new MenuItem("Update rules from SigmaHQ");
        fromSigmaHq.setOnAction(e -> model.updateRules(null));
        MenuItem fromFile = new MenuItem("Update rules from an archive file…");
        fromFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Sigma rule archive");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rule archives", "*.zip"));
            File archive = chooser.showOpenDialog(stage);
            if (archive != null) {
                model.updateRules(archive.getPath());
            }
        });
        return new Menu("Rules", null, fromSigmaHq, fromFile);
    }

    private TableView<Detection> detectionsTable() {
        TableView<Detection> table = new TableView<>(model.detections());
        table.setId("detectionsTable");
        table.getColumns().add(column("Time (UTC)", 215, d -> Timestamps.format(d.event().timestamp())));
        table.getColumns().add(column("Level", 80, d -> d.rule().level().sigmaName()));
        table.getColumns().add(column("Rule", 300, d -> d.rule().title()));
        table.getColumns().add(column("Computer", 140, d -> d.event().computer()));
        table.getColumns().add(column("Event ID", 70, d -> Integer.toString(d.event().eventId())));
        table.getColumns().add(column("Image", 260, d -> text(d.event(), "Image", "NewProcessName")));
        table.setRowFactory(t -> {
            TableRow<Detection> row = new TableRow<>() {
                @Override
                protected void updateItem(Detection item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeIf(c -> c.startsWith("level-"));
                    if (!empty && item != null) {
                        getStyleClass().add("level-" + item.rule().level().sigmaName());
                    }
                }
            };
            return row;
        });
        table.setPlaceholder(new Label("No detections yet. Open evidence with File › Open, or drop files here."));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, selected) ->
                model.selectedDetectionProperty().set(selected));
        // When the first detections arrive, open the most severe one: the analyst's first question.
        model.detections().addListener((javafx.collections.ListChangeListener<Detection>) change -> {
            if (!model.detections().isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        return table;
    }

    private TableView<Event> eventsTable() {
        TableView<Event> table = new TableView<>(model.events());
        table.setId("eventsTable");
        table.getColumns().add(column("Time (UTC)", 215, e -> Timestamps.format(e.timestamp())));
        table.getColumns().add(column("Computer", 140, Event::computer));
        table.getColumns().add(column("Channel", 220, Event::channel));
        table.getColumns().add(column("Event ID", 70, e -> Integer.toString(e.eventId())));
        table.getColumns().add(column("Image", 260, e -> text(e, "Image", "NewProcessName")));
        table.getColumns().add(column("Source", 200, e -> model.sourceName(e.sourceId())));
        table.setPlaceholder(new Label("No events yet."));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, selected) ->
                model.selectedEventProperty().set(selected));
        // The events of the selected correlation hit are marked, and the first of them brought into view.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Event item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("correlated");
                if (!empty && item != null && model.highlightedEvents().contains(item.id())) {
                    getStyleClass().add("correlated");
                }
            }
        });
        model.highlightedEvents().addListener((javafx.collections.SetChangeListener<Long>) change -> {
            table.refresh();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (model.highlightedEvents().contains(table.getItems().get(i).id())) {
                    table.scrollTo(i);
                    break;
                }
            }
        });
        return table;
    }

    private static String text(Event event, String... names) {
        for (String name : names) {
            String value = event.fields().text(name);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private static <T> TableColumn<T, String> column(String title, double width,
                                                     java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.setPrefWidth(220);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox bar = new HBox(10, status, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                model.openEvidence(paths);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
