package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The timeline: the query bar with its chips, the histogram, and the table of events. Built in code, as every
 * view of the app.
 */
public final class TimelineView {
    private final TimelineViewModel model;
    private final VBox root = new VBox();
    private final QueryBar queryBar;
    private final TimelineTable table;
    private final TimelineActions actions;
    private final ObservableBooleanValue importing;

    /**
     * @param contextMinutes the span of an event's context, either side (from the settings)
     * @param showProcess    opens an event's process in the process tree view, or {@code null}
     */
    public TimelineView(TimelineViewModel model, RowActions rowActions, IntSupplier contextMinutes,
                        Consumer<TimelineEntry> showProcess, ObservableBooleanValue importing) {
        this.importing = importing;
        this.model = model;
        this.queryBar = new QueryBar(model);
        this.table = new TimelineTable(model, this::openFilter, this::hide, this::chooseColumns);
        this.actions = new TimelineActions(model, rowActions, table, contextMinutes, showProcess);
        root.setId("timeline");
        VBox.setVgrow(table.table(), Priority.ALWAYS);
        root.getChildren().addAll(queryBar.root(), new ChipBar(model).root(), new HistogramView(model).root(),
                table.table());
        InvalidationListener placeholder = o -> placeholder();
        model.countProperty().addListener(placeholder);
        model.countingProperty().addListener(placeholder);
        model.problemProperty().addListener(placeholder);
        model.chips().addListener(placeholder);
        model.queryProperty().addListener(placeholder);
        model.detectionsOnlyProperty().addListener(placeholder);
        importing.addListener(placeholder);
        placeholder();
    }

    public Parent root() {
        return root;
    }

    public TableView<RowRef> table() {
        return table.table();
    }

    /** Puts the caret in the query bar (Ctrl+F). */
    public void focusQuery() {
        queryBar.focus();
    }

    public void copySelection() {
        actions.copySelection();
    }

    public void tagSelection() {
        actions.tag();
    }

    public void noteSelection() {
        actions.note();
    }

    public void starSelection() {
        actions.star();
    }

    public void contextOfSelection() {
        actions.context();
    }

    /** The selected rows that are loaded. */
    public List<TimelineEntry> selection() {
        return actions.selection();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void openFilter(ColumnSpec spec) {
        ColumnFilterDialog.open(window(), model, spec);
    }

    private void hide(ColumnSpec spec) {
        List<ColumnLayout.Shown> columns = new ArrayList<>(table.shown());
        columns.removeIf(c -> c.spec().id().equals(spec.id()));
        if (!columns.isEmpty()) {
            model.saveLayout(columns);
        }
    }

    /** Opens the column chooser. */
    public void chooseColumns() {
        ColumnChooser.open(window(), model, table.shown());
    }

    private void placeholder() {
        if (model.session() == null) {
            table.placeholder("No case is open.");
        } else if (model.problemProperty().get() != null) {
            table.placeholder("The query cannot run: " + model.problemProperty().get().describe());
        } else if (model.countingProperty().get() && model.countProperty().get() == 0) {
            table.placeholder("Searching…");
        } else if (model.chips().isEmpty() && model.queryProperty().get().isBlank()
                && !model.detectionsOnlyProperty().get()) {
            table.placeholder(importing.get() ? "Importing: the events appear here as they are read."
                    : "This case has no events yet. Add evidence with File › Add evidence, or drop files or "
                    + "folders on the window.");
        } else if (model.chips().isEmpty() && model.queryProperty().get().isBlank()) {
            table.placeholder(importing.get() ? "No detections yet. The rules run on each event as it is imported; "
                    + "detections appear here as they are found." : "No rule fired on this case's events. Turn off "
                    + "Detections only to see them all.");
        } else {
            table.placeholder("No event matches. Remove a filter chip, or change the query.");
        }
    }
}
