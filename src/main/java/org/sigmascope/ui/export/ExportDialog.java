package org.sigmascope.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.sigmascope.model.Level;
import org.sigmascope.report.model.Section;
import org.sigmascope.ui.Dialogs;
import org.sigmascope.ui.LevelNames;

/**
 * The export dialog: what to export (the report, the detections in one of the formats other tools read, or the
 * events of the timeline's view), the report's sections, the level threshold, and the file.
 */
public final class ExportDialog {
    private ExportDialog() {
    }

    /**
     * @param zone   the zone times are written in (the app's setting)
     * @param status where the outcome is said
     */
    public static void open(Window owner, ExportViewModel model, ZoneId zone, Path folder, Consumer<String> status) {
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Export the case: a report to hand on, or files other tools read");
        ComboBox<ExportViewModel.Kind> kind = new ComboBox<>();
        kind.setId("exportKind");
        kind.getItems().setAll(ExportViewModel.Kind.values());
        kind.setValue(ExportViewModel.Kind.HTML);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ExportViewModel.Kind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ExportViewModel.Kind fromString(String s) {
                return null;
            }
        });
        Map<Section, CheckBox> sections = new EnumMap<>(Section.class);
        VBox sectionBoxes = new VBox(4);
        for (Section section : Section.values()) {
            CheckBox box = new CheckBox(section.title());
            box.setId("section-" + section.anchor());
            box.setSelected(true);
            sections.put(section, box);
            sectionBoxes.getChildren().add(box);
        }
        sectionBoxes.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !kind.getValue().report(), kind.valueProperty()));
        ComboBox<Level> minLevel = new ComboBox<>();
        minLevel.getItems().setAll(Level.values());
        minLevel.setValue(Level.INFORMATIONAL);
        minLevel.setId("exportMinLevel");
        minLevel.setConverter(new LevelNames());
        minLevel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> kind.getValue().view(), kind.valueProperty()));
        TextField file = new TextField(folder.resolve(model.suggestedName(kind.getValue())).toString());
        file.setId("exportFile");
        file.setPrefColumnCount(40);
        kind.valueProperty().addListener((o, old, k) -> {
            Path current = Path.of(file.getText());
            Path parent = current.getParent() == null ? folder : current.getParent();
            file.setText(parent.resolve(model.suggestedName(k)).toString());
        });
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            Path current = Path.of(file.getText());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName().toString());
            File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        Label note = new Label("Times are written in " + zone.getId() + " (change the zone in Settings). The PDF "
                + "needs Chromium installed. The timeline exports write the events the timeline shows now.");
        note.setWrapText(true);
        note.setMaxWidth(520);
        note.getStyleClass().add("muted");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("What"), kind);
        grid.addRow(1, new Label("Sections"), sectionBoxes);
        grid.addRow(2, new Label("Detections from level"), minLevel);
        grid.addRow(3, new Label("File"), new HBox(6, file, choose));
        grid.add(note, 1, 4);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        dialog.showAndWait().filter(export::equals).ifPresent(ok -> {
            Set<Section> chosen = EnumSet.noneOf(Section.class);
            sections.forEach((section, box) -> {
                if (box.isSelected()) {
                    chosen.add(section);
                }
            });
            status.accept("Exporting…");
            model.export(kind.getValue(), chosen, minLevel.getValue(), zone, Path.of(file.getText().strip()), status,
                    e -> Dialogs.failure(owner, "The export failed", e.getMessage() == null ? e.toString()
                            : e.getMessage()));
        });
    }
}
