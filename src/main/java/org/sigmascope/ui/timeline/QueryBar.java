package org.sigmascope.ui.timeline;

import java.util.List;

import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.ui.Dialogs;

/**
 * The query bar: the query language with completion of field names as one types, the error placed under the
 * character it is about, "detections only", Back, saved searches, and the result's count.
 */
final class QueryBar {
    private final TimelineViewModel model;
    private final VBox root = new VBox(2);
    private final TextField field = new TextField();
    private final Label problem = new Label();
    private final ContextMenu completions = new ContextMenu();
    private QueryCompletion completion = new QueryCompletion(List.of());

    QueryBar(TimelineViewModel model) {
        this.model = model;
        field.setId("queryField");
        field.getStyleClass().add("query-field");
        field.setPromptText("Search the timeline: EventID:4688 AND Image:*\\powershell.exe   (Enter runs it; Ctrl+F)");
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setOnAction(e -> run());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        field.textProperty().addListener((o, old, text) -> {
            if (field.isFocused()) {
                suggest();
            }
        });
        field.focusedProperty().addListener((o, old, focused) -> {
            if (!focused) {
                completions.hide();
            }
        });
        model.fieldNamesProperty().addListener((o, old, names) -> completion = new QueryCompletion(names));
        HBox.setHgrow(field, Priority.ALWAYS);

        Button search = new Button("Search");
        search.setId("runQuery");
        search.setDefaultButton(false);
        search.setOnAction(e -> run());
        ToggleButton detectionsOnly = new ToggleButton("Detections only");
        detectionsOnly.setId("detectionsOnly");
        detectionsOnly.setTooltip(new Tooltip("Show only events that rules fired on (is:detected)"));
        detectionsOnly.selectedProperty().bindBidirectional(model.detectionsOnlyProperty());
        detectionsOnly.setOnAction(e -> {
            boolean on = detectionsOnly.isSelected();
            model.detectionsOnlyProperty().set(!on);
            model.remember();
            model.detectionsOnlyProperty().set(on);
            model.apply();
        });
        Button back = new Button("◀ Back");
        back.setId("back");
        back.setTooltip(new Tooltip("Back to the previous search (Alt+Left)"));
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.setOnAction(e -> model.back());
        MenuButton saved = new MenuButton("Saved");
        saved.setId("savedSearches");
        saved.setOnShowing(e -> fillSaved(saved));
        Label count = new Label();
        count.setId("resultCount");
        count.getStyleClass().add("count-label");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long n = model.countProperty().get();
            return String.format("%,d event%s%s", n, n == 1 ? "" : "s", model.countingProperty().get() ? "…" : "");
        }, model.countProperty(), model.countingProperty()));
        count.setMinWidth(110);
        HBox row = new HBox(6, back, field, search, detectionsOnly, saved, count);
        row.getStyleClass().add("toolbar-row");

        problem.setId("queryProblem");
        problem.getStyleClass().add("query-problem");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        model.problemProperty().addListener((o, old, p) -> showProblem(p));
        root.getChildren().addAll(row, problem);
    }

    Node root() {
        return root;
    }

    /** Puts the caret in the query bar. */
    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private void run() {
        completions.hide();
        model.remember();
        model.apply();
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && completions.isShowing()) {
            completions.hide();
            e.consume();
        } else if (e.getCode() == KeyCode.TAB && completions.isShowing() && !completions.getItems().isEmpty()) {
            completions.getItems().get(0).fire();
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
            suggest();
            e.consume();
        }
    }

    private void suggest() {
        QueryCompletion.Suggestions suggestions = completion.suggest(field.getText(), field.getCaretPosition());
        if (suggestions.isEmpty()) {
            completions.hide();
            return;
        }
        completions.getItems().clear();
        for (int i = 0; i < suggestions.options().size(); i++) {
            int choice = i;
            Label label = new Label(suggestions.options().get(i));
            label.getStyleClass().add("code");
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.setOnAction(e -> {
                QueryCompletion.Applied applied = suggestions.apply(field.getText(), choice);
                field.setText(applied.text());
                field.positionCaret(applied.caret());
                completions.hide();
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing() && field.getScene() != null && field.getScene().getWindow() != null
                && field.getScene().getWindow().isShowing()) {
            completions.show(field, Side.BOTTOM, caretX(), 0);
        }
    }

    /** About where the caret is, so the suggestions open under the word being typed. */
    private double caretX() {
        double perChar = field.getFont().getSize() * 0.6;
        return Math.min(field.getWidth() - 120, 8 + perChar * field.getCaretPosition());
    }

    private void showProblem(QueryProblem p) {
        field.getStyleClass().remove("error");
        if (p == null) {
            problem.setText("");
            return;
        }
        field.getStyleClass().add("error");
        if (p.position() >= 0) {
            String text = field.getText();
            problem.setText(new QuerySyntaxException(p.position(), p.message()).pointAt(text));
            int at = Math.min(p.position(), text.length());
            field.requestFocus();
            field.selectRange(at, Math.min(text.length(), at + 1));
        } else {
            problem.setText(p.describe());
        }
    }

    private void fillSaved(MenuButton menu) {
        menu.getItems().clear();
        MenuItem save = new MenuItem("Save this search…");
        save.setOnAction(e -> {
            Window owner = root.getScene() == null ? null : root.getScene().getWindow();
            Dialogs.text(owner, "Save search", "A name for this search (kept in the case):", "")
                    .ifPresent(model::saveSearch);
        });
        menu.getItems().addAll(save, new SeparatorMenuItem());
        model.savedSearches(searches -> {
            if (searches.isEmpty()) {
                MenuItem none = new MenuItem("No saved searches in this case");
                none.setDisable(true);
                menu.getItems().add(none);
            }
            for (var search : searches) {
                MenuItem item = new MenuItem(search.name());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.runSearch(search));
                menu.getItems().add(item);
            }
        });
    }
}
