package org.sigmascope.ui.detail;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.model.Timestamps;
import org.sigmascope.report.html.SafeUrl;
import org.sigmascope.store.Annotations;
import org.sigmascope.ui.timeline.FilterChip;
import org.sigmascope.caseview.QueryTerms;
import org.sigmascope.ui.timeline.TimelineEntry;

/**
 * The detail pane: the selected event's fields, why rules fired on it, the rule, the record as the evidence holds
 * it, and the analyst's notes. Links (a rule's references, ATT&amp;CK tags) open in the system's browser, and only
 * when they are http or https.
 */
public final class DetailView {
    private final DetailViewModel model;
    private final Consumer<String> openLink;
    private final Consumer<FilterChip> filter;
    private final TabPane tabs = new TabPane();
    private final Label header = new Label();
    private final ExplanationView explanation;
    private final Label ruleTitle = new Label();
    private final Label ruleMeta = new Label();
    private final Label ruleDescription = new Label();
    private final FlowPane references = new FlowPane(8, 2);
    private final FlowPane ruleTags = new FlowPane(8, 2);
    private final VBox notesList = new VBox(6);
    private final StackPane root = new StackPane();

    /**
     * @param openLink opens an address in the system's browser
     * @param filter   adds a filter chip to the timeline ("keep only this value")
     */
    public DetailView(DetailViewModel model, Consumer<String> openLink, Consumer<FilterChip> filter) {
        this.model = model;
        this.openLink = openLink;
        this.filter = filter;
        this.explanation = new ExplanationView(model::openCorrelation);
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab fields = new Tab("Fields", fieldsPane());
        fields.setId("fieldsTab");
        Tab why = new Tab("Why it matched", explanation.root());
        why.setId("whyTab");
        Tab rule = new Tab("Rule", rulePane());
        rule.setId("ruleTab");
        Tab original = new Tab("Original", originalPane());
        original.setId("originalTab");
        Tab notes = new Tab("Notes", notesPane());
        notes.setId("notesTab");
        tabs.getTabs().addAll(fields, why, rule, original, notes);
        header.setId("detailHeader");
        header.setWrapText(true);
        header.getStyleClass().add("panel-title");
        header.setPadding(new Insets(6, 8, 4, 8));
        VBox box = new VBox(header, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.getStyleClass().add("detail");
        Label empty = new Label("Select an event in the timeline to see its fields, why rules fired on it, and the "
                + "record as the evidence holds it.");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        empty.visibleProperty().bind(model.entryProperty().isNull());
        box.visibleProperty().bind(model.entryProperty().isNotNull());
        root.getChildren().addAll(box, empty);
        root.setId("detail");
        model.entryProperty().addListener((o, old, entry) -> showHeader(entry));
        model.detections().addListener((ListChangeListener<Detection>) c -> {
            explanation.show(model.detections());
            why.setText(model.detections().isEmpty() ? "Why it matched" : "Why it matched ("
                    + model.detections().size() + ")");
        });
        model.notes().addListener((ListChangeListener<Annotations.Note>) c -> {
            showNotes();
            notes.setText(model.notes().isEmpty() ? "Notes" : "Notes (" + model.notes().size() + ")");
        });
        model.detectionProperty().addListener((o, old, d) -> showRule(d));
    }

    public Parent root() {
        return root;
    }

    /** Shows a tab: {@code fields}, {@code why}, {@code rule}, {@code original}, {@code notes}. */
    public void showTab(String name) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(name + "Tab")).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void showHeader(TimelineEntry entry) {
        if (entry == null) {
            header.setText("");
            return;
        }
        Event e = entry.event();
        StringBuilder text = new StringBuilder();
        text.append("Event ").append(e.eventId() >= 0 ? e.eventId() : "").append("  ·  ")
                .append(e.computer().isEmpty() ? "(no computer)" : e.computer()).append("  ·  ")
                .append(Timestamps.format(e.timestamp()));
        text.append("\n").append(e.channel().isEmpty() ? "" : e.channel() + "  ·  ").append(entry.source())
                .append(e.recordId() >= 0 ? "  ·  record " + e.recordId() : "").append(e.recovered()
                ? "  ·  recovered from slack space" : "");
        if (!entry.row().tags().isEmpty()) {
            text.append("\nTags: ").append(String.join(", ", entry.row().tags()));
        }
        if (entry.gap() != null) {
            text.append("\n⚠ ").append(entry.gap().description());
        }
        header.setText(text.toString());
    }

    private VBox fieldsPane() {
        TextField find = new TextField();
        find.setPromptText("Find a field or value");
        FilteredList<FieldRow> shown = new FilteredList<>(model.fields());
        find.textProperty().addListener((o, old, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            shown.setPredicate(row -> lower.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(lower)
                    || row.value().toLowerCase(Locale.ROOT).contains(lower));
        });
        TableView<FieldRow> table = new TableView<>(shown);
        table.setId("detailFields");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FieldRow, String> name = new TableColumn<>("Field");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        name.setMaxWidth(260);
        TableColumn<FieldRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(360);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setRowFactory(t -> {
            TableRow<FieldRow> row = new TableRow<>() {
                @Override
                protected void updateItem(FieldRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("field-matched");
                    if (!empty && item != null && item.matched()) {
                        getStyleClass().add("field-matched");
                    }
                }
            };
            row.setContextMenu(fieldMenu(row));
            return row;
        });
        table.setPlaceholder(new Label("No fields."));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, find, table);
        box.setPadding(new Insets(4));
        return box;
    }

    private ContextMenu fieldMenu(TableRow<FieldRow> row) {
        MenuItem copyValue = new MenuItem("Copy value");
        copyValue.setOnAction(e -> copy(row.getItem().value()));
        MenuItem copyBoth = new MenuItem("Copy field and value");
        copyBoth.setOnAction(e -> copy(row.getItem().name() + ": " + row.getItem().value()));
        MenuItem keep = new MenuItem("Keep only events with this value");
        keep.setOnAction(e -> filter.accept(new FilterChip("field:" + row.getItem().name(),
                row.getItem().name() + ": " + row.getItem().value(),
                QueryTerms.equal(row.getItem().name(), row.getItem().value()))));
        MenuItem exclude = new MenuItem("Exclude events with this value");
        exclude.setOnAction(e -> filter.accept(new FilterChip("field:" + row.getItem().name(),
                row.getItem().name() + " ≠ " + row.getItem().value(),
                "NOT " + QueryTerms.equal(row.getItem().name(), row.getItem().value()))));
        return new ContextMenu(copyValue, copyBoth, keep, exclude);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private ScrollPane rulePane() {
        ComboBox<Detection> which = new ComboBox<>(model.detections());
        which.setId("ruleChoice");
        which.valueProperty().bindBidirectional(model.detectionProperty());
        which.setButtonCell(new DetectionCell());
        which.setCellFactory(l -> new DetectionCell());
        which.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.detections()).greaterThan(1));
        which.managedProperty().bind(which.visibleProperty());
        ruleTitle.setId("ruleTitle");
        ruleTitle.getStyleClass().add("rule-title");
        ruleTitle.setWrapText(true);
        ruleMeta.setId("ruleMeta");
        ruleMeta.setWrapText(true);
        ruleMeta.getStyleClass().add("muted");
        ruleDescription.setId("ruleDescription");
        ruleDescription.setWrapText(true);
        references.setId("ruleReferences");
        ruleTags.setId("ruleTags");
        TextArea yaml = new TextArea();
        yaml.setId("ruleYaml");
        yaml.setEditable(false);
        yaml.getStyleClass().add("code");
        yaml.setPrefRowCount(18);
        yaml.textProperty().bind(model.ruleYamlProperty());
        Label none = new Label("No rule fired on this event.");
        none.getStyleClass().add("empty-state");
        none.visibleProperty().bind(model.detectionProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        VBox details = new VBox(6, which, ruleTitle, ruleMeta, ruleDescription, label("References"), references,
                label("Tags"), ruleTags, label("The rule (YAML)"), yaml);
        details.visibleProperty().bind(model.detectionProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        VBox box = new VBox(6, none, details);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("panel-title");
        return label;
    }

    private void showRule(Detection detection) {
        references.getChildren().clear();
        ruleTags.getChildren().clear();
        if (detection == null) {
            ruleTitle.setText("");
            ruleMeta.setText("");
            ruleDescription.setText("");
            return;
        }
        RuleInfo rule = detection.rule();
        ruleTitle.setText(rule.title());
        StringBuilder meta = new StringBuilder("Level " + rule.level().sigmaName());
        if (!rule.status().isEmpty()) {
            meta.append("   ·   Status ").append(rule.status());
        }
        if (!rule.author().isEmpty()) {
            meta.append("   ·   Author ").append(rule.author());
        }
        if (!rule.license().isEmpty()) {
            meta.append("   ·   Licence ").append(rule.license());
        }
        meta.append("\n").append(rule.path()).append("   ·   id ").append(rule.id());
        ruleMeta.setText(meta.toString());
        ruleDescription.setText(rule.description().strip());
        for (String reference : rule.references()) {
            Hyperlink link = new Hyperlink(reference);
            link.setWrapText(true);
            link.setMnemonicParsing(false);
            SafeUrl.http(reference).ifPresentOrElse(url -> link.setOnAction(e -> openLink.accept(url)),
                    () -> link.setDisable(true));
            references.getChildren().add(link);
        }
        for (String tag : rule.tags()) {
            Hyperlink link = new Hyperlink(tag);
            link.setMnemonicParsing(false);
            AttackLinks.url(tag).ifPresentOrElse(url -> link.setOnAction(e -> openLink.accept(url)),
                    () -> link.setDisable(true));
            ruleTags.getChildren().add(link);
        }
    }

    private TextArea originalPane() {
        TextArea text = new TextArea();
        text.setId("originalRecord");
        text.setEditable(false);
        text.getStyleClass().add("code");
        text.textProperty().bind(model.originalProperty());
        return text;
    }

    private VBox notesPane() {
        TextArea input = new TextArea();
        input.setId("newNote");
        input.setPromptText("Write a note on this event (kept in the case)");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        Button add = new Button("Add note");
        add.setId("addNote");
        add.disableProperty().bind(input.textProperty().isEmpty());
        add.setOnAction(e -> model.addNote(input.getText(), input::clear));
        notesList.setId("notesList");
        ScrollPane scroll = new ScrollPane(notesList);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(6, scroll, input, new HBox(add));
        box.setPadding(new Insets(8));
        return box;
    }

    private void showNotes() {
        notesList.getChildren().clear();
        if (model.notes().isEmpty()) {
            Label none = new Label("No notes on this event.");
            none.getStyleClass().add("muted");
            notesList.getChildren().add(none);
        }
        for (Annotations.Note note : model.notes()) {
            Label text = new Label(note.text());
            text.setWrapText(true);
            text.getStyleClass().add("note-text");
            Label when = new Label(note.createdAt() == null ? "" : Timestamps.format(note.createdAt()));
            when.getStyleClass().add("muted");
            Button delete = new Button("Delete");
            delete.setOnAction(e -> model.deleteNote(note, () -> { }));
            VBox card = new VBox(4, text, new HBox(8, when, delete));
            card.getStyleClass().add("note-card");
            notesList.getChildren().add(card);
        }
    }

    /** A detection in the rule chooser: its level and rule title. */
    private static final class DetectionCell extends ListCell<Detection> {
        @Override
        protected void updateItem(Detection d, boolean empty) {
            super.updateItem(d, empty);
            setText(empty || d == null ? null : "[" + d.rule().level().sigmaName() + "] " + d.rule().title());
        }
    }
}
