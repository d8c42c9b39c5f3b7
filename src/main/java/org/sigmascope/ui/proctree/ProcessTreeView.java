package org.sigmascope.ui.proctree;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.sigmascope.proctree.LinkExplainer;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessClaims;
import org.sigmascope.proctree.ProcessTree;

/**
 * The process tree view: per host, the tree (or the attack story) with each process's image and id, start and end,
 * user, how sure its parent link is, detection badges coloured by level, and its command line; search; the
 * selected process's ancestry and details, and its events in the timeline.
 */
public final class ProcessTreeView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);

    private final ProcessTreeViewModel model;
    private final Supplier<ZoneId> zone;
    private final StackPane root = new StackPane();
    private final TreeTableView<Integer> table = new TreeTableView<>();
    private final VBox details = new VBox(6);
    private int matchIndex;

    public ProcessTreeView(ProcessTreeViewModel model, Supplier<ZoneId> zone) {
        this.model = model;
        this.zone = zone;
        root.setId("processTrees");
        ComboBox<String> host = new ComboBox<>(model.hosts());
        host.setId("treeHost");
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.setPrefWidth(220);
        ToggleButton story = new ToggleButton("Attack story only");
        story.setId("storyOnly");
        story.setTooltip(new Tooltip("Only the processes detections fired on, their ancestors and what they "
                + "started"));
        story.selectedProperty().bindBidirectional(model.storyOnlyProperty());
        TextField search = new TextField();
        search.setId("treeSearch");
        search.setPromptText("Find a process: image, command line, user or pid (Enter: next)");
        HBox.setHgrow(search, Priority.ALWAYS);
        Label found = new Label();
        search.setOnAction(e -> next(search.getText(), found));
        Button events = new Button("Show its events");
        events.setId("showProcessEvents");
        events.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        events.setOnAction(e -> model.showEventsOf(table.getSelectionModel().getSelectedItem().getValue()));
        HBox bar = new HBox(6, new Label("Host"), host, story, search, found, events);
        bar.getStyleClass().add("toolbar-row");
        Label summary = new Label();
        summary.setId("treeSummary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(0, 8, 4, 8));
        buildTable();
        ScrollPane detailScroll = new ScrollPane(details);
        detailScroll.setFitToWidth(true);
        details.setPadding(new Insets(8));
        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(bar, summary, split);
        ProgressBar building = new ProgressBar();
        building.progressProperty().bind(model.progressProperty());
        building.setPrefWidth(320);
        Label buildingText = new Label("Building the process trees…");
        VBox overlay = new VBox(8, buildingText, building);
        overlay.setAlignment(javafx.geometry.Pos.CENTER);
        overlay.setMaxSize(360, 90);
        overlay.getStyleClass().add("explanation-box");
        overlay.visibleProperty().bind(model.buildingProperty());
        root.getChildren().addAll(box, overlay);
        model.shownProperty().addListener((o, old, shown) -> fill(shown));
        model.revealProperty().addListener((o, old, p) -> {
            if (p != null) {
                reveal(p);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, item) ->
                showDetails(item == null ? -1 : item.getValue()));
    }

    public Parent root() {
        return root;
    }

    private void next(String text, Label found) {
        ObservableList<Integer> matches = model.matches();
        if (matches.isEmpty() || !text.equals(found.getUserData())) {
            found.setUserData(text);
            matchIndex = 0;
            model.search(text);
        } else {
            matchIndex = (matchIndex + 1) % matches.size();
            model.reveal(matches.get(matchIndex));
        }
        found.setText(matches.isEmpty() ? "none" : (matchIndex + 1) + " of " + matches.size());
    }

    private void buildTable() {
        table.setId("processTree");
        table.setShowRoot(false);
        table.setFixedCellSize(24);
        table.getColumns().add(processColumn());
        table.getColumns().add(linkColumn());
        table.getColumns().add(text("Start", 175, p -> time(p.start())));
        table.getColumns().add(text("End", 175, p -> time(p.end())));
        table.getColumns().add(text("User", 170, p -> p.user() == null ? "" : p.user()));
        table.getColumns().add(text("Command line", 520, p -> p.commandLine() == null ? "" : p.commandLine()));
        Label empty = new Label("Open this view on a case with process events (Sysmon 1 or Security 4688) to see "
                + "who started what.");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TreeTableRow<Integer> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(Integer p, boolean empty) {
                    super.updateItem(p, empty);
                    getStyleClass().remove("tree-context");
                    ProcessTreeViewModel.Shown shown = model.shownProperty().get();
                    if (!empty && p != null && shown != null && shown.context(p)) {
                        getStyleClass().add("tree-context");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    model.showEventsOf(row.getItem());
                }
            });
            return row;
        });
    }

    private ProcessTree tree() {
        return model.treeProperty().get();
    }

    private String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone.get()));
    }

    private TreeTableColumn<Integer, Integer> processColumn() {
        TreeTableColumn<Integer, Integer> column = new TreeTableColumn<>("Process");
        column.setPrefWidth(360);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Integer p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                setGraphic(null);
                if (empty || p == null || tree() == null) {
                    return;
                }
                Process process = tree().process(p);
                Label name = new Label(process.name() + "  [" + pid(process.pid()) + "]");
                name.getStyleClass().add("tree-image");
                HBox box = new HBox(6, name);
                List<ProcessTreeViewModel.Badge> badges = model.badges(p);
                if (!badges.isEmpty()) {
                    ProcessTreeViewModel.Badge top = badges.get(0);
                    Label badge = new Label(top.level().sigmaName() + (badges.size() > 1 ? " ×" + badges.size()
                            : ""));
                    badge.getStyleClass().addAll("level-badge", "level-" + top.level().sigmaName());
                    badge.setTooltip(new Tooltip(String.join("\n", badges.stream().map(b -> b.level().sigmaName()
                            + ": " + b.rule()).distinct().toList())));
                    box.getChildren().add(badge);
                }
                setGraphic(box);
            }
        });
        return column;
    }

    private static String pid(long pid) {
        return pid == ProcessClaims.NO_PID ? "?" : Long.toString(pid);
    }

    private TreeTableColumn<Integer, String> linkColumn() {
        TreeTableColumn<Integer, String> column = text("Parent link", 250, p -> "");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(tree() == null ? ""
                : LinkExplainer.label(tree(), c.getValue().getValue())));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                getStyleClass().removeIf(s -> s.startsWith("tree-link-"));
                setTooltip(null);
                if (empty || label == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    return;
                }
                int p = getTableRow().getItem();
                setText(label);
                getStyleClass().add("tree-link-" + tree().link(p).kind().key());
                setTooltip(new Tooltip(LinkExplainer.explain(tree(), p)));
            }
        });
        return column;
    }

    private TreeTableColumn<Integer, String> text(String title, double width,
                                                  java.util.function.Function<Process, String> value) {
        TreeTableColumn<Integer, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(tree() == null ? ""
                : value.apply(tree().process(c.getValue().getValue()))));
        return column;
    }

    private void fill(ProcessTreeViewModel.Shown shown) {
        TreeItem<Integer> top = new TreeItem<>(-1);
        if (shown != null) {
            for (int p : shown.roots()) {
                top.getChildren().add(new ProcessItem(p, shown));
            }
            // A short story opens whole; a host's full tree opens one level deep.
            if (shown.storyOnly()) {
                expandAll(top, 0);
            }
        }
        table.setRoot(top);
        showDetails(-1);
    }

    private static void expandAll(TreeItem<Integer> item, int depth) {
        if (depth > 40) {
            return;
        }
        item.setExpanded(true);
        for (TreeItem<Integer> child : item.getChildren()) {
            expandAll(child, depth + 1);
        }
    }

    /** Selects a process, expanding its ancestors. */
    private void reveal(int p) {
        TreeItem<Integer> item = table.getRoot();
        if (item == null || tree() == null) {
            return;
        }
        int[] ancestors = tree().ancestors(p);
        for (int i = ancestors.length; i >= 0; i--) {
            int wanted = i == 0 ? p : ancestors[i - 1];
            TreeItem<Integer> next = null;
            for (TreeItem<Integer> child : item.getChildren()) {
                if (child.getValue() == wanted) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                continue;
            }
            item.setExpanded(true);
            item = next;
        }
        if (item.getValue() != p) {
            return;
        }
        table.getSelectionModel().select(item);
        int row = table.getRow(item);
        table.scrollTo(Math.max(0, row - 4));
        table.requestFocus();
    }

    private void showDetails(int p) {
        details.getChildren().clear();
        if (p < 0 || tree() == null) {
            Label hint = new Label("Select a process to see its ancestry, how its parent was found, and its "
                    + "detections. Double-click it (or Show its events) to see its events in the timeline.");
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            details.getChildren().add(hint);
            return;
        }
        Process process = tree().process(p);
        FlowPane chain = new FlowPane(4, 2);
        chain.setId("ancestry");
        List<Process> ancestry = model.ancestry(p);
        for (int i = 0; i < ancestry.size(); i++) {
            Process step = ancestry.get(i);
            Hyperlink link = new Hyperlink(step.name() + " [" + pid(step.pid()) + "]");
            link.setOnAction(e -> model.reveal(step.id()));
            chain.getChildren().add(link);
            if (i < ancestry.size() - 1) {
                chain.getChildren().add(new Label("→"));
            }
        }
        Label title = new Label(process.image() == null ? process.name() : process.image());
        title.getStyleClass().add("rule-title");
        title.setWrapText(true);
        Label how = new Label("Parent: " + LinkExplainer.explain(tree(), p));
        how.setWrapText(true);
        Label life = new Label("Host " + process.host() + "   ·   pid " + pid(process.pid()) + "   ·   started "
                + (process.start() == null ? "(never seen)" : time(process.start())) + "   ·   ended "
                + (process.end() == null ? "(not seen)" : time(process.end())) + (process.user() == null ? ""
                : "   ·   user " + process.user()) + (process.guid() == null ? "" : "   ·   " + process.guid()));
        life.setWrapText(true);
        life.getStyleClass().add("muted");
        Label command = new Label(process.commandLine() == null ? "(no command line)" : process.commandLine());
        command.setWrapText(true);
        command.getStyleClass().add("code");
        StringBuilder activity = new StringBuilder();
        process.activity().forEach((kind, n) -> activity.append(activity.length() == 0 ? "" : ", ")
                .append(String.format("%,d %s", n, kind.key().replace('_', ' '))));
        Label acts = new Label(activity.length() == 0 ? "No other events attached." : "Events attached: " + activity);
        acts.setWrapText(true);
        details.getChildren().addAll(new Label("Ancestry"), chain, title, life, command, how, acts);
        for (ProcessTreeViewModel.Badge badge : model.badges(p)) {
            Label b = new Label(badge.level().sigmaName());
            b.getStyleClass().addAll("level-badge", "level-" + badge.level().sigmaName());
            details.getChildren().add(new HBox(6, b, new Label(badge.rule() + "  (event " + badge.eventId() + ")")));
        }
    }

    /** A process whose children are made when it is first opened: a host's tree may have a hundred thousand. */
    private static final class ProcessItem extends TreeItem<Integer> {
        private final ProcessTreeViewModel.Shown shown;
        private boolean loaded;

        ProcessItem(int p, ProcessTreeViewModel.Shown shown) {
            super(p);
            this.shown = shown;
        }

        @Override
        public boolean isLeaf() {
            return shown.children(getValue()).length == 0;
        }

        @Override
        public ObservableList<TreeItem<Integer>> getChildren() {
            if (!loaded) {
                loaded = true;
                List<TreeItem<Integer>> children = new java.util.ArrayList<>();
                for (int child : shown.children(getValue())) {
                    children.add(new ProcessItem(child, shown));
                }
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }
}
