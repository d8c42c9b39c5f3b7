package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.controlsfx.control.ListSelectionView;

import org.sigmascope.ui.Dialogs;

/**
 * The column chooser: the built-in columns and a column for any field of the case's events on one side, the
 * columns shown, in order, on the other (ControlsFX's list selection view). Widths of columns kept stay as they
 * were; the analyst also reorders and resizes by dragging the headers.
 */
final class ColumnChooser {
    private ColumnChooser() {
    }

    static void open(Window owner, TimelineViewModel model, List<ColumnLayout.Shown> current) {
        Map<String, ColumnSpec> available = new LinkedHashMap<>();
        Columns.BUILT_IN.forEach(spec -> available.put(spec.id(), spec));
        for (String field : model.fieldNamesProperty().get()) {
            ColumnSpec spec = ColumnSpec.field(field);
            available.putIfAbsent(spec.id(), spec);
        }
        Map<String, Double> widths = new HashMap<>();
        List<ColumnSpec> shown = new ArrayList<>();
        for (ColumnLayout.Shown column : current) {
            widths.put(column.spec().id(), column.width());
            shown.add(column.spec());
            available.remove(column.spec().id());
        }
        ListSelectionView<ColumnSpec> view = new ListSelectionView<>();
        view.setId("columnChooser");
        view.getSourceItems().setAll(available.values());
        view.getTargetItems().setAll(shown);
        view.setSourceHeader(new Label("Available columns (any field of this case)"));
        view.setTargetHeader(new Label("Shown, in order"));
        view.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ColumnSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                setText(empty || spec == null ? null : spec.id().equals("flags") ? "★ ✎ ⚠ (marks)"
                        : spec.id().startsWith("field:") ? spec.title() + "  (field)" : spec.title());
            }
        });
        view.setPrefSize(720, 460);
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Columns");
        dialog.setHeaderText("Choose the timeline's columns; the order on the right is the order shown");
        dialog.getDialogPane().setContent(new VBox(8, view, new Label("Drag a header to move a column, its edge "
                + "to size it. The layout is kept in the case.")));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            List<ColumnLayout.Shown> chosen = new ArrayList<>();
            for (ColumnSpec spec : view.getTargetItems()) {
                chosen.add(new ColumnLayout.Shown(spec, widths.getOrDefault(spec.id(), spec.width())));
            }
            if (!chosen.isEmpty()) {
                model.saveLayout(chosen);
            }
        });
    }
}
