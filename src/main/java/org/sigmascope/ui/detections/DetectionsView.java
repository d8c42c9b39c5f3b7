package org.sigmascope.ui.detections;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sigmascope.caseview.DetectionSummary;

/**
 * The detections panel: the case's detections counted by level, rule, ATT&amp;CK tactic and technique, and host,
 * as one tree; clicking a line filters the timeline to its events.
 */
public final class DetectionsView {
    /** A line: a group heading, or a count in a group. */
    private record Line(DetectionsViewModel.Group group, DetectionSummary.Count count, String heading) {
        String label() {
            return count != null ? count.label() : heading;
        }
    }

    private final DetectionsViewModel model;
    private final VBox root = new VBox(4);
    private final TreeTableView<Line> tree = new TreeTableView<>();
    private final Label total = new Label();
    private boolean filling;

    public DetectionsView(DetectionsViewModel model) {
        this.model = model;
        tree.setId("detectionSummary");
        tree.setShowRoot(false);
        tree.getStyleClass().add("summary-table");
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Line, String> name = new TreeTableColumn<>("Detections");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().label()));
        name.setPrefWidth(210);
        name.setSortable(false);
        TreeTableColumn<Line, String> count = new TreeTableColumn<>("Count");
        count.setCellValueFactory(c -> {
            Line line = c.getValue().getValue();
            return new ReadOnlyStringWrapper(line.count() == null ? "" : String.format("%,d", line.count().count()));
        });
        count.setCellFactory(c -> {
            TreeTableCell<Line, String> cell = new TreeTableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.getStyleClass().add("summary-count");
            return cell;
        });
        count.setPrefWidth(70);
        count.setMaxWidth(90);
        count.setSortable(false);
        tree.getColumns().add(name);
        tree.getColumns().add(count);
        tree.setRowFactory(t -> {
            TreeTableRow<Line> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(Line line, boolean empty) {
                    super.updateItem(line, empty);
                    getStyleClass().removeIf(c -> c.startsWith("level-"));
                    if (!empty && line != null && line.count() != null && line.count().level() != null
                            && line.group() == DetectionsViewModel.Group.LEVEL) {
                        getStyleClass().add("level-" + line.count().level().sigmaName());
                    }
                }
            };
            row.setOnMouseClicked(e -> show(row.getItem()));
            return row;
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && tree.getSelectionModel().getSelectedItem() != null) {
                show(tree.getSelectionModel().getSelectedItem().getValue());
            }
        });
        Label empty = new Label("No detections yet.\nThey appear here as the rules fire during an import.");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        tree.setPlaceholder(empty);
        total.setId("detectionTotal");
        total.getStyleClass().add("muted");
        total.setWrapText(true);
        VBox.setVgrow(tree, Priority.ALWAYS);
        root.setPadding(new Insets(6));
        root.getChildren().addAll(total, tree);
        root.setId("detectionsPanel");
        model.summaryProperty().addListener((o, old, summary) -> fill(summary));
        fill(model.summaryProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void show(Line line) {
        if (!filling && line != null && line.count() != null) {
            model.show(line.group(), line.count());
        }
    }

    private void fill(DetectionSummary summary) {
        filling = true;
        try {
            total.setText(summary.detections() == 0 ? "" : String.format("%,d detections on %,d events. Click a line "
                    + "to see its events in the timeline.", summary.detections(), summary.events()));
            TreeItem<Line> rootItem = new TreeItem<>(new Line(null, null, ""));
            if (summary.detections() > 0) {
                rootItem.getChildren().setAll(List.of(
                        group(DetectionsViewModel.Group.LEVEL, "By level", summary.levels(), true),
                        group(DetectionsViewModel.Group.RULE, "By rule", summary.rules(), true),
                        group(DetectionsViewModel.Group.TACTIC, "By ATT&CK tactic", summary.tactics(), false),
                        group(DetectionsViewModel.Group.TECHNIQUE, "By ATT&CK technique", summary.techniques(), false),
                        group(DetectionsViewModel.Group.HOST, "By host", summary.hosts(), true)));
            }
            tree.setRoot(rootItem);
        } finally {
            filling = false;
        }
    }

    private static TreeItem<Line> group(DetectionsViewModel.Group group, String heading,
                                        List<DetectionSummary.Count> counts, boolean expanded) {
        TreeItem<Line> item = new TreeItem<>(new Line(group, null, heading + "  (" + counts.size() + ")"));
        for (DetectionSummary.Count count : counts) {
            item.getChildren().add(new TreeItem<>(new Line(group, count, null)));
        }
        item.setExpanded(expanded);
        return item;
    }
}
