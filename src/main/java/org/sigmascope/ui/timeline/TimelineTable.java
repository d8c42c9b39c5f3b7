package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import org.sigmascope.model.Level;
import org.sigmascope.store.timeline.Sort;

/**
 * The timeline's table: a virtualized {@link TableView} over a {@link RowList}, so it scrolls through millions of
 * rows holding only those on screen. Columns are the analyst's (chosen, ordered, sized, kept in the case), with a
 * filter menu in each header; rows are coloured by the level of their most severe detection, starred and noted
 * rows marked, and a red line drawn above a row that follows a gap in its log.
 */
final class TimelineTable {
    private static final double ROW_HEIGHT = 24;

    private final TimelineViewModel model;
    private final TableView<RowRef> table = new TableView<>();
    private final Consumer<ColumnSpec> openFilter;
    private final Consumer<ColumnSpec> hideColumn;
    private final Runnable chooseColumns;
    private final PauseTransition saveLater = new PauseTransition(Duration.millis(800));
    private final Label placeholder = new Label();
    private boolean rebuilding;

    /**
     * @param openFilter    opens a column's filter menu
     * @param hideColumn    hides a column
     * @param chooseColumns opens the column chooser
     */
    TimelineTable(TimelineViewModel model, Consumer<ColumnSpec> openFilter, Consumer<ColumnSpec> hideColumn,
                  Runnable chooseColumns) {
        this.model = model;
        this.openFilter = openFilter;
        this.hideColumn = hideColumn;
        this.chooseColumns = chooseColumns;
        table.setId("timelineTable");
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(false);
        table.setTableMenuButtonVisible(false);
        table.setItems(model.rowsProperty().get());
        model.rowsProperty().addListener((o, old, rows) -> table.setItems(rows));
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(460);
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> new LevelRow());
        // The store sorts; the table only reports which column and direction the analyst clicked.
        table.setSortPolicy(t -> true);
        table.getSortOrder().addListener((ListChangeListener<TableColumn<RowRef, ?>>) c -> sortChanged());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, ref) -> model.select(ref));
        model.revealProperty().addListener((o, old, index) -> reveal(index));
        model.zoneProperty().addListener((o, old, zone) -> {
            retitle();
            table.refresh();
        });
        model.layoutProperty().addListener((o, old, layout) -> rebuild(layout));
        model.sortProperty().addListener((o, old, sort) -> markSort());
        model.chips().addListener((ListChangeListener<FilterChip>) c -> markFiltered());
        table.getColumns().addListener((ListChangeListener<TableColumn<RowRef, ?>>) c -> layoutChanged());
        saveLater.setOnFinished(e -> model.saveLayout(shown()));
        rebuild(model.layoutProperty().get());
    }

    TableView<RowRef> table() {
        return table;
    }

    /** What the empty table says: no case, nothing imported, or nothing matches. */
    void placeholder(String text) {
        placeholder.setText(text);
    }

    /** The columns shown, in order, with their specs. */
    List<ColumnSpec> columns() {
        List<ColumnSpec> specs = new ArrayList<>();
        for (TableColumn<RowRef, ?> column : table.getColumns()) {
            specs.add((ColumnSpec) column.getUserData());
        }
        return specs;
    }

    List<ColumnLayout.Shown> shown() {
        List<ColumnLayout.Shown> shown = new ArrayList<>();
        for (TableColumn<RowRef, ?> column : table.getColumns()) {
            shown.add(new ColumnLayout.Shown((ColumnSpec) column.getUserData(), column.getWidth()));
        }
        return shown;
    }

    private void rebuild(List<ColumnLayout.Shown> layout) {
        rebuilding = true;
        try {
            List<TableColumn<RowRef, ?>> columns = new ArrayList<>();
            for (ColumnLayout.Shown shown : layout) {
                columns.add(column(shown.spec(), shown.width()));
            }
            table.getColumns().setAll(columns);
            markFiltered();
            markSort();
        } finally {
            rebuilding = false;
        }
    }

    private TableColumn<RowRef, String> column(ColumnSpec spec, double width) {
        TableColumn<RowRef, String> column = new TableColumn<>(title(spec));
        column.setUserData(spec);
        column.setId("column-" + spec.id().replace(':', '-'));
        column.setPrefWidth(width);
        column.setSortable(spec.sortable());
        column.setCellValueFactory(cell -> text(cell.getValue(), spec));
        if (spec.id().equals("level")) {
            column.setCellFactory(c -> new LevelCell());
        } else if (spec.id().equals("flags")) {
            column.setCellFactory(c -> {
                TableCell<RowRef, String> cell = new TableCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item);
                    }
                };
                cell.getStyleClass().add("flags-cell");
                return cell;
            });
        }
        if (ColumnFilters.filterable(spec)) {
            Label filter = new Label("▾");
            filter.getStyleClass().add("column-filter");
            filter.setTooltip(new Tooltip("Filter by the values of this column"));
            filter.setOnMousePressed(e -> e.consume());
            filter.setOnMouseReleased(e -> e.consume());
            filter.setOnMouseClicked(e -> {
                e.consume();
                openFilter.accept(spec);
            });
            column.setGraphic(filter);
        }
        column.setContextMenu(headerMenu(spec, column));
        column.widthProperty().addListener((o, old, w) -> layoutChanged());
        return column;
    }

    private ObservableValue<String> text(RowRef ref, ColumnSpec spec) {
        ReadOnlyObjectProperty<TimelineEntry> slot = model.row(ref);
        return slot.map(entry -> spec.text(entry, model.zoneProperty().get()));
    }

    private ContextMenu headerMenu(ColumnSpec spec, TableColumn<RowRef, String> column) {
        List<MenuItem> items = new ArrayList<>();
        if (ColumnFilters.filterable(spec)) {
            MenuItem filter = new MenuItem("Filter by value…");
            filter.setOnAction(e -> openFilter.accept(spec));
            items.add(filter);
        }
        if (spec.sortable()) {
            MenuItem up = new MenuItem("Sort ascending");
            up.setOnAction(e -> model.sortBy(new Sort(spec.sortField(), false)));
            MenuItem down = new MenuItem("Sort descending");
            down.setOnAction(e -> model.sortBy(new Sort(spec.sortField(), true)));
            items.add(up);
            items.add(down);
        }
        MenuItem timeOrder = new MenuItem("Back to time order");
        timeOrder.setOnAction(e -> model.sortBy(null));
        MenuItem hide = new MenuItem("Hide this column");
        hide.setOnAction(e -> hideColumn.accept(spec));
        MenuItem choose = new MenuItem("Columns…");
        choose.setOnAction(e -> chooseColumns.run());
        items.add(timeOrder);
        items.add(new SeparatorMenuItem());
        items.add(hide);
        items.add(choose);
        return new ContextMenu(items.toArray(MenuItem[]::new));
    }

    private String title(ColumnSpec spec) {
        if (spec.id().equals("time")) {
            String zone = model.zoneProperty().get().getId();
            return "Time (" + (zone.equals("Z") ? "UTC" : zone) + ")";
        }
        return spec.title();
    }

    private void retitle() {
        for (TableColumn<RowRef, ?> column : table.getColumns()) {
            column.setText(title((ColumnSpec) column.getUserData()));
        }
    }

    private void markFiltered() {
        for (TableColumn<RowRef, ?> column : table.getColumns()) {
            if (column.getGraphic() != null) {
                boolean on = model.filtered((ColumnSpec) column.getUserData());
                column.getGraphic().getStyleClass().remove("active");
                if (on) {
                    column.getGraphic().getStyleClass().add("active");
                }
            }
        }
    }

    /** Shows the model's sort on the headers, without reporting it back. */
    private void markSort() {
        Sort sort = model.sortProperty().get();
        boolean was = rebuilding;
        rebuilding = true;
        try {
            table.getSortOrder().clear();
            for (TableColumn<RowRef, ?> column : table.getColumns()) {
                ColumnSpec spec = (ColumnSpec) column.getUserData();
                if (spec.sortable() && spec.sortField().equalsIgnoreCase(sort.field()) && !spec.id().equals("flags")) {
                    column.setSortType(sort.descending() ? TableColumn.SortType.DESCENDING
                            : TableColumn.SortType.ASCENDING);
                    table.getSortOrder().add(column);
                    break;
                }
            }
        } finally {
            rebuilding = was;
        }
    }

    private void sortChanged() {
        if (rebuilding) {
            return;
        }
        if (table.getSortOrder().isEmpty()) {
            model.sortBy(null);
            markSort();
            return;
        }
        TableColumn<RowRef, ?> first = table.getSortOrder().get(0);
        ColumnSpec spec = (ColumnSpec) first.getUserData();
        model.sortBy(new Sort(spec.sortField(), first.getSortType() == TableColumn.SortType.DESCENDING));
        markSort();
    }

    private void layoutChanged() {
        if (!rebuilding) {
            saveLater.playFromStart();
        }
    }

    private void reveal(Integer index) {
        if (index == null || index < 0 || index >= table.getItems().size()) {
            return;
        }
        table.getSelectionModel().clearAndSelect(index);
        table.scrollTo(Math.max(0, index - 5));
        table.requestFocus();
    }

    /** Colours a row by its most severe detection, and marks gaps, stars and notes. */
    private final class LevelRow extends TableRow<RowRef> {
        private ReadOnlyObjectProperty<TimelineEntry> slot;
        private final ChangeListener<TimelineEntry> restyle = (o, old, entry) -> style(entry);

        @Override
        protected void updateItem(RowRef ref, boolean empty) {
            super.updateItem(ref, empty);
            if (slot != null) {
                slot.removeListener(restyle);
                slot = null;
            }
            if (empty || ref == null) {
                style(null);
                return;
            }
            slot = model.row(ref);
            slot.addListener(restyle);
            style(slot.get());
        }

        private void style(TimelineEntry entry) {
            getStyleClass().removeIf(c -> c.startsWith("level-") || c.equals("gap-before") || c.equals("starred"));
            setTooltip(null);
            if (entry == null) {
                return;
            }
            Level level = entry.row().topLevel();
            if (level != null && level != Level.INFORMATIONAL) {
                getStyleClass().add("level-" + level.sigmaName());
            }
            if (entry.row().starred()) {
                getStyleClass().add("starred");
            }
            if (entry.gap() != null) {
                getStyleClass().add("gap-before");
                setTooltip(new Tooltip("Gap before this event: " + entry.gap().description()));
            }
        }
    }

    /** The level as a coloured badge. */
    private static final class LevelCell extends TableCell<RowRef, String> {
        private final Label badge = new Label();

        LevelCell() {
            badge.getStyleClass().add("level-badge");
        }

        @Override
        protected void updateItem(String level, boolean empty) {
            super.updateItem(level, empty);
            setText(null);
            if (empty || level == null || level.isEmpty()) {
                setGraphic(null);
                return;
            }
            badge.getStyleClass().removeIf(c -> c.startsWith("level-") && !c.equals("level-badge"));
            badge.getStyleClass().add("level-" + level);
            badge.setText(level);
            setGraphic(badge);
        }
    }
}
