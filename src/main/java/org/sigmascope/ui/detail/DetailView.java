package org.sigmascope.ui.detail;

import java.util.Map;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.model.Timestamps;
import org.sigmascope.ui.main.MainViewModel;

/**
 * The detail pane: the rule that fired and why, the events a correlation hit is made of, and every field of the
 * selected event.
 */
public final class DetailView {
    private final VBox root = new VBox(6);
    private final Label ruleTitle = new Label();
    private final Label ruleMeta = new Label();
    private final Label ruleDescription = new Label();
    private final Label explanation = new Label();
    private final ObservableList<Map.Entry<String, String>> fields = FXCollections.observableArrayList();
    private final TableView<Map.Entry<String, String>> table = new TableView<>(fields);
    private final Label madeOf = new Label();
    private final TableView<Event> correlationEvents;

    public DetailView(MainViewModel model) {
        root.setPadding(new Insets(8));
        root.getStyleClass().add("detail");
        ruleTitle.setId("ruleTitle");
        ruleTitle.getStyleClass().add("rule-title");
        ruleMeta.setId("ruleMeta");
        ruleDescription.setId("ruleDescription");
        ruleDescription.setWrapText(true);
        explanation.setId("explanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation");
        for (Label label : new Label[] {ruleTitle, ruleMeta, ruleDescription, explanation}) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
        table.setId("detailFields");
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Field");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        name.setPrefWidth(170);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        value.setPrefWidth(380);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setPlaceholder(new Label("Select a detection or an event to see its fields."));
        VBox.setVgrow(table, Priority.ALWAYS);
        correlationEvents = correlationEventsTable(model.correlationEvents());
        madeOf.setId("correlationMadeOf");
        madeOf.textProperty().bind(Bindings.createStringBinding(() -> model.correlationEvents().isEmpty() ? ""
                : "Made of " + model.correlationEvents().size() + " events (select one to see its fields; they are "
                        + "marked in the Events tab):", model.correlationEvents()));
        madeOf.managedProperty().bind(madeOf.textProperty().isNotEmpty());
        madeOf.visibleProperty().bind(madeOf.textProperty().isNotEmpty());
        root.getChildren().addAll(ruleTitle, ruleMeta, ruleDescription, explanation, madeOf, correlationEvents, table);
        model.selectedDetectionProperty().addListener((o, old, detection) -> {
            if (detection != null) {
                show(detection);
            }
        });
        model.selectedEventProperty().addListener((o, old, event) -> {
            if (event != null) {
                showRule(null, null);
                showFields(event);
            }
        });
    }

    /** The events of a correlation hit, one a row; shown only for a hit. */
    private TableView<Event> correlationEventsTable(ObservableList<Event> events) {
        TableView<Event> hitEvents = new TableView<>(events);
        hitEvents.setId("correlationEvents");
        hitEvents.getColumns().add(column("Time (UTC)", 200, e -> Timestamps.format(e.timestamp())));
        hitEvents.getColumns().add(column("Channel", 200, Event::channel));
        hitEvents.getColumns().add(column("Event ID", 70, e -> Integer.toString(e.eventId())));
        hitEvents.getColumns().add(column("Computer", 140, Event::computer));
        hitEvents.setPrefHeight(150);
        hitEvents.managedProperty().bind(Bindings.isNotEmpty(events));
        hitEvents.visibleProperty().bind(Bindings.isNotEmpty(events));
        hitEvents.getSelectionModel().selectedItemProperty().addListener((o, old, event) -> {
            if (event != null) {
                showFields(event);
            }
        });
        return hitEvents;
    }

    private static TableColumn<Event, String> column(String title, double width, Function<Event, String> value) {
        TableColumn<Event, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    public Parent root() {
        return root;
    }

    private void show(Detection detection) {
        showRule(detection.rule(), detection.match());
        showFields(detection.event());
        // Bring the first field that made the rule fire into view.
        detection.match().selections().stream().flatMap(s -> s.fields().stream()).map(Match.FieldHit::field)
                .findFirst().ifPresent(name -> {
                    for (int i = 0; i < fields.size(); i++) {
                        if (fields.get(i).getKey().equals(name)) {
                            table.getSelectionModel().select(i);
                            table.scrollTo(i);
                            break;
                        }
                    }
                });
    }

    private void showRule(RuleInfo rule, Match match) {
        ruleTitle.setText(rule == null ? "" : rule.title());
        ruleMeta.setText(rule == null ? "" : "Level " + rule.level().sigmaName() + "   ·   Author " + rule.author()
                + (rule.status().isEmpty() ? "" : "   ·   Status " + rule.status()));
        ruleDescription.setText(rule == null ? "" : rule.description().strip());
        explanation.setText(match == null ? "" : explain(match));
    }

    /** One line per field comparison that held: {@code selection: Image|endswith '…' matched '…'}. */
    static String explain(Match match) {
        StringBuilder text = new StringBuilder("Why it matched:");
        for (Match.SelectionHit selection : match.selections()) {
            for (Match.FieldHit hit : selection.fields()) {
                text.append("\n  ").append(selection.selection()).append(": ").append(hit.field());
                hit.modifiers().forEach(m -> text.append('|').append(m));
                text.append(" = '").append(hit.ruleValue()).append("'  matched '").append(hit.matchedPart())
                        .append('\'');
            }
        }
        return text.toString();
    }

    private void showFields(Event event) {
        ObservableList<Map.Entry<String, String>> rows = FXCollections.observableArrayList();
        event.fields().forEach((name, value) -> rows.add(Map.entry(name, value == null ? "(null)" : Fields.textOf(value))));
        fields.setAll(rows);
    }
}
