package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.store.timeline.ValueCount;
import org.sigmascope.ui.Dialogs;

/**
 * A column's filter menu: the values of the column among the events shown (the column's own filter left out),
 * most frequent first, each with its count; tick some and keep them, or exclude them.
 */
final class ColumnFilterDialog {
    private static final ButtonType KEEP = new ButtonType("Keep these", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType EXCLUDE = new ButtonType("Exclude these", ButtonBar.ButtonData.OTHER);
    private static final ButtonType CLEAR = new ButtonType("Clear this filter", ButtonBar.ButtonData.LEFT);

    /** A value with its count and whether it is ticked. */
    static final class Item {
        final ValueCount value;
        final BooleanProperty checked = new SimpleBooleanProperty();

        Item(ValueCount value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return String.format("%s   (%,d)", value.value() == null ? "(no value)" : value.value().isEmpty()
                    ? "(empty)" : value.value(), value.count());
        }
    }

    private ColumnFilterDialog() {
    }

    static void open(Window owner, TimelineViewModel model, ColumnSpec spec) {
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Filter: " + spec.title());
        dialog.setHeaderText("Values of " + spec.title() + " among the events shown");
        ObservableList<Item> items = FXCollections.observableArrayList();
        FilteredList<Item> shown = new FilteredList<>(items);
        ListView<Item> list = new ListView<>(shown);
        list.setId("columnValues");
        list.setCellFactory(CheckBoxListCell.forListView(item -> item.checked));
        list.setPrefSize(440, 380);
        list.setPlaceholder(new Label("Counting…"));
        TextField search = new TextField();
        search.setId("columnValueSearch");
        search.setPromptText("Find a value");
        search.textProperty().addListener((o, old, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            shown.setPredicate(item -> lower.isEmpty() || item.toString().toLowerCase(Locale.ROOT).contains(lower));
        });
        Label summary = new Label();
        summary.getStyleClass().add("muted");
        Button all = new Button("Tick all shown");
        all.setOnAction(e -> shown.forEach(i -> i.checked.set(true)));
        Button none = new Button("Untick all");
        none.setOnAction(e -> items.forEach(i -> i.checked.set(false)));
        dialog.getDialogPane().setContent(new VBox(6, search, list, new HBox(6, all, none), summary));
        dialog.getDialogPane().getButtonTypes().addAll(KEEP, EXCLUDE, CLEAR, ButtonType.CANCEL);
        model.columnValues(spec, values -> {
            List<Item> loaded = new ArrayList<>();
            values.values().forEach(v -> loaded.add(new Item(v)));
            items.setAll(loaded);
            list.setPlaceholder(new Label("No values."));
            summary.setText(values.distinct() > values.values().size()
                    ? String.format("The %,d most frequent of %,d values; find others with the query bar.",
                    values.values().size(), values.distinct())
                    : String.format("%,d values.", values.values().size()));
        }, e -> list.setPlaceholder(new Label("The values could not be counted: " + e.getMessage())));
        dialog.setOnShown(e -> search.requestFocus());
        dialog.showAndWait().ifPresent(button -> {
            List<String> ticked = items.stream().filter(i -> i.checked.get()).map(i -> i.value.value()).toList();
            if (button == CLEAR) {
                model.filterColumn(spec, List.of(), false);
            } else if ((button == KEEP || button == EXCLUDE) && !ticked.isEmpty()) {
                model.filterColumn(spec, ticked, button == EXCLUDE);
            }
        });
    }
}
