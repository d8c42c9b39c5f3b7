package org.sigmascope.ui.rules;

import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.controlsfx.control.CheckListView;

import org.sigmascope.model.Level;
import org.sigmascope.ui.Dialogs;

/**
 * The rules view: where the rules come from, each rule's status and diagnostics on this case's evidence, its hits
 * and cost, and which run — chosen by level, status, product and tag, or one by one — with the re-scan that
 * brings the case's detections in line.
 */
public final class RulesView {
    /** What the view asks of the app. */
    public interface Actions {
        void rescan();

        void addRuleFolder();

        void updateFromSigmaHq();
    }

    private final RulesViewModel model;
    private final Actions actions;
    private final VBox root = new VBox(6);

    public RulesView(RulesViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        root.setId("rulesView");
        root.setPadding(new Insets(8));
        Label summary = new Label();
        summary.setId("rulesSummary");
        summary.getStyleClass().add("panel-title");
        summary.textProperty().bind(model.summaryProperty());
        ListView<String> sources = new ListView<>(model.sources());
        sources.setId("ruleSources");
        sources.setPrefHeight(92);
        sources.setMinHeight(60);
        Button rescan = new Button("Re-scan the case");
        rescan.setId("rescan");
        rescan.setTooltip(new Tooltip("Match the rules chosen now against the case's stored events: new and "
                + "changed rules run, detections of rules turned off go. The evidence is not read again."));
        rescan.setOnAction(e -> actions.rescan());
        Label needs = new Label("The rules chosen differ from those the case was scanned with: re-scan to apply.");
        needs.getStyleClass().add("query-problem");
        needs.visibleProperty().bind(model.needsRescanProperty());
        needs.managedProperty().bind(needs.visibleProperty());
        Button folder = new Button("Add a rule folder…");
        folder.setOnAction(e -> actions.addRuleFolder());
        Button update = new Button("Update from SigmaHQ");
        update.setOnAction(e -> actions.updateFromSigmaHq());
        HBox top = new HBox(8, rescan, folder, update, needs);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TableView<RuleRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(summary, new Label("Rule sources, in loading order (the first of two rules with "
                + "one id wins):"), sources, top, filters(), table);
    }

    public Parent root() {
        return root;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private HBox filters() {
        TextField search = new TextField();
        search.setId("ruleSearch");
        search.setPromptText("Find a rule: title, id, file, tag, product");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<RulesViewModel.Show> show = new ComboBox<>();
        show.getItems().setAll(RulesViewModel.Show.values());
        show.valueProperty().bindBidirectional(model.showProperty());
        show.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RulesViewModel.Show s) {
                return s == null ? "" : switch (s) {
                    case ALL -> "All rules";
                    case RUNS -> "Rules that run";
                    case OFF -> "Rules turned off";
                    case CANNOT_FIRE -> "Rules that cannot fire here";
                    case NOT_LOADABLE -> "Not loadable, duplicates";
                };
            }

            @Override
            public RulesViewModel.Show fromString(String s) {
                return null;
            }
        });
        ComboBox<Level> minLevel = new ComboBox<>();
        minLevel.setId("minLevel");
        minLevel.setConverter(new org.sigmascope.ui.LevelNames());
        minLevel.getItems().setAll(Level.values());
        minLevel.setValue(model.selectionProperty().get().minLevel());
        minLevel.setOnAction(e -> model.setMinLevel(minLevel.getValue()));
        minLevel.setTooltip(new Tooltip("Rules below this level do not run"));
        model.selectionProperty().addListener((o, old, s) -> minLevel.setValue(s.minLevel()));
        MenuButton statuses = facetMenu("Statuses", RuleSelection.Facet.STATUS);
        MenuButton products = facetMenu("Products", RuleSelection.Facet.PRODUCT);
        Button tags = new Button("Tags…");
        tags.setOnAction(e -> tagsDialog());
        Label run = new Label("Run: level ≥");
        HBox row = new HBox(6, search, show, new Region(), run, minLevel, statuses, products, tags);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /** A menu of a facet's values, ticked when their rules run. */
    private MenuButton facetMenu(String title, RuleSelection.Facet facet) {
        MenuButton menu = new MenuButton(title);
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            RuleSelection selection = model.selectionProperty().get();
            for (Map.Entry<String, Integer> value : model.facetValues(facet).entrySet()) {
                CheckMenuItem item = new CheckMenuItem(value.getKey() + "  (" + value.getValue() + ")");
                item.setMnemonicParsing(false);
                boolean excluded = switch (facet) {
                    case STATUS -> selection.excludedStatuses().contains(value.getKey());
                    case PRODUCT -> selection.excludedProducts().contains(value.getKey());
                    case TAG -> selection.excludedTags().contains(value.getKey());
                };
                item.setSelected(!excluded);
                item.setOnAction(a -> model.setExcluded(facet, value.getKey(), !item.isSelected()));
                menu.getItems().add(item);
            }
        });
        return menu;
    }

    private void tagsDialog() {
        Map<String, Integer> values = model.facetValues(RuleSelection.Facet.TAG);
        CheckListView<String> list = new CheckListView<>();
        list.getItems().setAll(values.keySet());
        RuleSelection selection = model.selectionProperty().get();
        for (String tag : values.keySet()) {
            if (!selection.excludedTags().contains(tag)) {
                list.getCheckModel().check(tag);
            }
        }
        list.setPrefSize(420, 420);
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), window());
        dialog.setTitle("Rules by tag");
        dialog.setHeaderText("Untick a tag to turn off every rule that carries it");
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            RuleSelection next = model.selectionProperty().get();
            for (String tag : values.keySet()) {
                boolean exclude = !list.getCheckModel().isChecked(tag);
                if (exclude != next.excludedTags().contains(tag)) {
                    next = next.withExcluded(RuleSelection.Facet.TAG, tag, exclude);
                }
            }
            model.select(next);
        });
    }

    private TableView<RuleRow> table() {
        TableView<RuleRow> table = new TableView<>(model.rows());
        table.setId("rulesTable");
        table.setEditable(true);
        table.setFixedCellSize(24);
        TableColumn<RuleRow, Boolean> on = new TableColumn<>("Runs");
        on.setEditable(true);
        on.setCellValueFactory(c -> {
            RuleRow row = c.getValue();
            BooleanProperty value = new SimpleBooleanProperty(row.enabled());
            value.addListener((o, old, now) -> model.setEnabled(row, now));
            return value;
        });
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setPrefWidth(50);
        table.getColumns().add(on);
        table.getColumns().add(text("Rule", 330, RuleRow::title));
        TableColumn<RuleRow, String> level = text("Level", 85, r -> r.level() == null ? "" : r.level().sigmaName());
        level.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                badge.getStyleClass().setAll("label", "level-badge", "level-" + item);
                badge.setText(item);
                setGraphic(badge);
            }
        });
        table.getColumns().add(level);
        table.getColumns().add(text("Status", 90, RuleRow::ruleStatus));
        table.getColumns().add(text("Product", 80, RuleRow::product));
        table.getColumns().add(text("State", 95, RuleRow::state));
        table.getColumns().add(number("Hits", 70, RuleRow::hits));
        table.getColumns().add(text("Cost", 80, r -> r.costMs() < 0 ? "" : String.format("%,.1f ms", r.costMs())));
        table.getColumns().add(text("Diagnostics", 420, RuleRow::diagnostics));
        table.getColumns().add(text("Tags", 220, r -> String.join(", ", r.tags())));
        table.getColumns().add(text("File", 360, r -> r.status().location()));
        table.getColumns().add(text("Source", 160, RuleRow::source));
        Label loading = new Label("Loading the rules…");
        table.setPlaceholder(loading);
        return table;
    }

    private static TableColumn<RuleRow, String> text(String title, double width,
                                                    java.util.function.Function<RuleRow, String> value) {
        TableColumn<RuleRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<RuleRow, Number> number(String title, double width,
                                                      java.util.function.ToLongFunction<RuleRow> value) {
        TableColumn<RuleRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyLongWrapper(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item.longValue()));
            }
        });
        column.setPrefWidth(width);
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    /** The lines of the sources list, for tests. */
    List<String> sources() {
        return model.sources();
    }
}
