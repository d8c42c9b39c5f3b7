package org.sigmascope.ui.main;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The status bar: the last thing that happened, in words; while a job runs, its progress bar, its pace and the time
 * left, and Cancel; and the open case.
 */
final class StatusBar {
    private final HBox root;

    StatusBar(MainViewModel model) {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.busyProperty().not());
        status.managedProperty().bind(status.visibleProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(80);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(model.statusProperty().get()),
                model.statusProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(model.progress().fractionProperty());
        Label pace = new Label();
        pace.setId("progressText");
        pace.textProperty().bind(model.progress().textProperty());
        pace.setMaxWidth(Double.MAX_VALUE);
        pace.setMinWidth(80);
        HBox.setHgrow(pace, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.setMinWidth(120);
        for (Node node : new Node[] {progress, pace, cancel}) {
            node.visibleProperty().bind(model.busyProperty());
            node.managedProperty().bind(model.busyProperty());
        }
        Label caseName = new Label();
        caseName.setId("caseName");
        caseName.getStyleClass().add("muted");
        caseName.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        caseName.textProperty().bind(Bindings.createStringBinding(() -> model.sessionProperty().get() == null
                ? "no case open" : "Case " + model.sessionProperty().get().name(), model.sessionProperty()));
        root = new HBox(10, status, pace, progress, cancel, caseName);
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
    }

    Node root() {
        return root;
    }
}
