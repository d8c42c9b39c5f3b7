package org.sigmascope.ui.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.ui.Dialogs;

/**
 * What the analyst does to timeline rows, by keyboard and context menu: copy a cell, rows or the selection; star
 * (S), tag (T), note (N); the context of an event (X); keep or exclude a cell's value; show its process (P).
 */
final class TimelineActions {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_CELL = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final TimelineViewModel model;
    private final RowActions actions;
    private final TimelineTable table;
    private final IntSupplier contextMinutes;
    private final Consumer<TimelineEntry> showProcess;
    private TableColumn<RowRef, ?> clickedColumn;

    /**
     * @param contextMinutes the span of an event's context, either side
     * @param showProcess    opens the process tree at an event's process, or {@code null} when there is no tree view
     */
    TimelineActions(TimelineViewModel model, RowActions actions, TimelineTable table, IntSupplier contextMinutes,
                    Consumer<TimelineEntry> showProcess) {
        this.model = model;
        this.actions = actions;
        this.table = table;
        this.contextMinutes = contextMinutes;
        this.showProcess = showProcess;
        TableView<RowRef> view = table.table();
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> clickedColumn = columnAt(e.getPickResult().getIntersectedNode()));
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> fill(menu));
        view.setContextMenu(menu);
    }

    private static TableColumn<RowRef, ?> columnAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) {
                @SuppressWarnings("unchecked")
                TableColumn<RowRef, ?> column = (TableColumn<RowRef, ?>) cell.getTableColumn();
                return column;
            }
        }
        return null;
    }

    private Window window() {
        return table.table().getScene() == null ? null : table.table().getScene().getWindow();
    }

    /** The selected rows that are loaded, in table order. */
    List<TimelineEntry> selection() {
        List<TimelineEntry> rows = new ArrayList<>();
        for (RowRef ref : table.table().getSelectionModel().getSelectedItems()) {
            TimelineEntry entry = ref == null ? null : model.loaded(ref);
            if (entry != null) {
                rows.add(entry);
            }
        }
        return rows;
    }

    private TimelineEntry focused() {
        RowRef ref = table.table().getSelectionModel().getSelectedItem();
        return ref == null ? null : model.loaded(ref);
    }

    private void key(KeyEvent e) {
        if (COPY_CELL.match(e)) {
            copyCell();
        } else if (COPY.match(e)) {
            copySelection();
        } else if (e.isShortcutDown() || e.isAltDown()) {
            return;
        } else if (e.getCode() == KeyCode.S) {
            star();
        } else if (e.getCode() == KeyCode.T) {
            tag();
        } else if (e.getCode() == KeyCode.N) {
            note();
        } else if (e.getCode() == KeyCode.X) {
            context();
        } else if (e.getCode() == KeyCode.P && showProcess != null && focused() != null) {
            showProcess.accept(focused());
        } else {
            return;
        }
        e.consume();
    }

    private void fill(ContextMenu menu) {
        menu.getItems().clear();
        TimelineEntry row = focused();
        if (row == null) {
            MenuItem none = new MenuItem("Select a row first");
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        MenuItem copyCell = item("Copy cell", "Ctrl+Shift+C", this::copyCell);
        copyCell.setDisable(clickedColumn == null);
        menu.getItems().addAll(copyCell, item("Copy selected rows", "Ctrl+C", this::copySelection),
                new SeparatorMenuItem(),
                item(row.row().starred() ? "Remove star" : "Star", "S", () -> actions.toggleStar(selection())),
                item("Tag…", "T", this::tag));
        TreeSet<String> tags = new TreeSet<>();
        selection().forEach(r -> tags.addAll(r.row().tags()));
        if (!tags.isEmpty()) {
            Menu untag = new Menu("Remove tag");
            for (String tag : tags) {
                MenuItem item = new MenuItem(tag);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> actions.untag(selection(), tag));
                untag.getItems().add(item);
            }
            menu.getItems().add(untag);
        }
        menu.getItems().addAll(item("Note…", "N", this::note), new SeparatorMenuItem(),
                item("Show context ±" + contextMinutes.getAsInt() + " min", "X", this::context));
        if (showProcess != null) {
            menu.getItems().add(item("Show in the process tree", "P", () -> showProcess.accept(row)));
        }
        if (clickedColumn != null) {
            ColumnSpec spec = (ColumnSpec) clickedColumn.getUserData();
            String value = spec.text(row, model.zoneProperty().get());
            if (ColumnFilters.filterable(spec) && !spec.fields().isEmpty() && !value.isEmpty()) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                menu.getItems().addAll(new SeparatorMenuItem(),
                        item("Keep only " + spec.title() + " = " + shown, null,
                                () -> model.filterColumn(spec, List.of(value), false)),
                        item("Exclude " + spec.title() + " = " + shown, null,
                                () -> model.filterColumn(spec, List.of(value), true)));
            }
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (accelerator != null) {
            item.setText(text + "    (" + accelerator + ")");
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    void copyCell() {
        TimelineEntry row = focused();
        if (row == null || clickedColumn == null) {
            return;
        }
        put(((ColumnSpec) clickedColumn.getUserData()).text(row, model.zoneProperty().get()));
    }

    /** Copies the selected rows as tab-separated text, reading those not loaded (a long selection) first. */
    void copySelection() {
        List<Integer> indices = new ArrayList<>(table.table().getSelectionModel().getSelectedIndices());
        if (indices.isEmpty()) {
            return;
        }
        List<ColumnSpec> columns = table.columns().stream().filter(c -> !c.id().equals("flags")).toList();
        List<TimelineEntry> loaded = selection();
        if (loaded.size() == indices.size()) {
            put(RowText.rows(columns, loaded, model.zoneProperty().get(), indices.size() > 1));
            return;
        }
        int from = indices.stream().mapToInt(Integer::intValue).min().orElse(0);
        int to = indices.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        model.fetch(from, to, rows -> {
            java.util.Set<Integer> wanted = new java.util.HashSet<>(indices);
            List<TimelineEntry> chosen = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (wanted.contains(from + i)) {
                    chosen.add(rows.get(i));
                }
            }
            put(RowText.rows(columns, chosen, model.zoneProperty().get(), true));
        });
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    void star() {
        actions.toggleStar(selection());
    }

    void tag() {
        List<TimelineEntry> rows = selection();
        if (rows.isEmpty()) {
            return;
        }
        actions.tags(existing -> {
            Dialog<String> dialog = Dialogs.styled(new Dialog<>(), window());
            dialog.setTitle("Tag");
            dialog.setHeaderText(rows.size() == 1 ? "Tag event " + rows.get(0).id()
                    : String.format("Tag %,d events", rows.size()));
            ComboBox<String> tag = new ComboBox<>();
            tag.setId("tagInput");
            tag.setEditable(true);
            tag.getItems().setAll(existing);
            tag.setPromptText("lateral-movement, confirmed, false-positive …");
            tag.setPrefWidth(320);
            dialog.getDialogPane().setContent(new VBox(6, new Label("A tag (choose one used in this case, or type a "
                    + "new one):"), tag));
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(b -> b == ButtonType.OK ? tag.getEditor().getText() : null);
            dialog.setOnShown(e -> tag.getEditor().requestFocus());
            dialog.showAndWait().map(String::strip).filter(t -> !t.isEmpty()).ifPresent(t -> actions.tag(rows, t));
        });
    }

    void note() {
        TimelineEntry row = focused();
        if (row == null) {
            return;
        }
        Dialog<String> dialog = Dialogs.styled(new Dialog<>(), window());
        dialog.setTitle("Note");
        dialog.setHeaderText("A note on event " + row.id() + " (kept in the case)");
        TextArea text = new TextArea();
        text.setId("noteInput");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.setPrefColumnCount(48);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? text.getText() : null);
        dialog.setOnShown(e -> text.requestFocus());
        dialog.showAndWait().filter(t -> !t.isBlank()).ifPresent(t -> actions.note(row, t));
    }

    void context() {
        TimelineEntry row = focused();
        if (row != null) {
            model.context(row.event(), Duration.ofMinutes(contextMinutes.getAsInt()));
        }
    }
}
