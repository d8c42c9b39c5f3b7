package org.sigmascope.ui.timeline;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The chips: filters added by clicking (column values, a brushed time range, a detections line, the events of a
 * correlation or a process). Each shows its query as a tooltip, can be removed, or moved into the query bar to be
 * edited by hand.
 */
final class ChipBar {
    private final TimelineViewModel model;
    private final FlowPane root = new FlowPane(6, 4);

    ChipBar(TimelineViewModel model) {
        this.model = model;
        root.setId("chips");
        root.setPadding(new Insets(0, 8, 4, 8));
        root.managedProperty().bind(root.visibleProperty());
        model.chips().addListener((ListChangeListener<FilterChip>) c -> rebuild());
        rebuild();
    }

    Node root() {
        return root;
    }

    private void rebuild() {
        root.getChildren().clear();
        for (FilterChip chip : model.chips()) {
            Label label = new Label(chip.label());
            label.setMnemonicParsing(false);
            label.setMaxWidth(420);
            Button close = new Button("✕");
            close.getStyleClass().add("chip-close");
            close.setTooltip(new Tooltip("Remove this filter"));
            close.setOnAction(e -> model.removeChip(chip));
            HBox box = new HBox(4, label, close);
            box.getStyleClass().add("chip");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Tooltip.install(box, new Tooltip(chip.query()));
            MenuItem edit = new MenuItem("Edit in the query bar");
            edit.setOnAction(e -> {
                String query = model.queryProperty().get();
                model.queryProperty().set(query.isBlank() ? chip.query() : "(" + query + ") AND (" + chip.query()
                        + ")");
                model.removeChip(chip);
            });
            MenuItem remove = new MenuItem("Remove");
            remove.setOnAction(e -> model.removeChip(chip));
            ContextMenu menu = new ContextMenu(edit, remove);
            box.setOnContextMenuRequested(e -> menu.show(box, e.getScreenX(), e.getScreenY()));
            root.getChildren().add(box);
        }
        root.setVisible(!model.chips().isEmpty());
    }
}
