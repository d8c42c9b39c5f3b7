package org.sigmascope.ui.settings;

import java.io.File;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.sigmascope.ui.Dialogs;

/**
 * The settings: the time zone times are shown in, the theme, the rule folders loaded besides the built-in rules
 * and the rule library, the placeholders file, whether records recovered from EVTX slack space are imported, and
 * the span of an event's context.
 */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    /** Shows the dialog; the new settings if the analyst chose OK. */
    public static Optional<AppSettings> edit(Window owner, AppSettings current) {
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Settings (kept in " + "your Sigmascope folder)");

        ComboBox<String> zone = new ComboBox<>();
        zone.setId("zoneSetting");
        zone.setEditable(true);
        List<String> zones = new ArrayList<>(List.of("UTC"));
        zones.addAll(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        zone.getItems().setAll(zones);
        zone.setValue(current.zone());
        zone.setPrefWidth(260);

        ToggleGroup theme = new ToggleGroup();
        RadioButton light = new RadioButton("Light");
        light.setToggleGroup(theme);
        RadioButton dark = new RadioButton("Dark");
        dark.setId("darkTheme");
        dark.setToggleGroup(theme);
        (current.dark() ? dark : light).setSelected(true);

        ListView<String> folders = new ListView<>();
        folders.setId("ruleFolders");
        folders.getItems().setAll(current.ruleFolders());
        folders.setPrefHeight(110);
        Button addFolder = new Button("Add…");
        addFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A folder of Sigma rules (a SigmaHQ clone, your own rules)");
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null && !folders.getItems().contains(chosen.getPath())) {
                folders.getItems().add(chosen.getPath());
            }
        });
        Button removeFolder = new Button("Remove");
        removeFolder.disableProperty().bind(folders.getSelectionModel().selectedItemProperty().isNull());
        removeFolder.setOnAction(e -> folders.getItems().remove(folders.getSelectionModel().getSelectedItem()));

        TextField placeholders = new TextField(current.placeholders() == null ? "" : current.placeholders());
        placeholders.setPromptText("none: rules using %placeholders% will not load");
        placeholders.setPrefColumnCount(30);
        Button choosePlaceholders = new Button("Choose…");
        choosePlaceholders.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Placeholders file (YAML: name: [values])");
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                placeholders.setText(chosen.getPath());
            }
        });

        CheckBox recovered = new CheckBox("Import records recovered from EVTX slack space (carved; marked as such)");
        recovered.setId("recoveredSetting");
        recovered.setSelected(current.includeRecovered());
        Spinner<Integer> context = new Spinner<>(1, 24 * 60, current.contextMinutes());
        context.setEditable(true);
        context.setPrefWidth(90);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Time zone"), new VBox(4, zone, muted("Times in the timeline, the histogram and "
                + "the detail; queries still read times as UTC unless they carry an offset.")));
        grid.addRow(row++, new Label("Theme"), new HBox(12, light, dark));
        grid.addRow(row++, new Label("Rule folders"), new VBox(4, folders, new HBox(6, addFolder, removeFolder),
                muted("Loaded after the built-in rules and before your rule library.")));
        grid.addRow(row++, new Label("Placeholders file"), new HBox(6, placeholders, choosePlaceholders));
        grid.addRow(row++, new Label("Evidence"), recovered);
        grid.addRow(row, new Label("Context"), new HBox(6, context, new Label("minutes before and after an event")));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(ok -> current
                .withZone(validZone(zone.getEditor().getText(), current.zone()))
                .withTheme(dark.isSelected() ? "dark" : "light")
                .withRuleFolders(List.copyOf(folders.getItems()))
                .withPlaceholders(placeholders.getText().strip())
                .withIncludeRecovered(recovered.isSelected())
                .withContextMinutes(context.getValue()));
    }

    private static String validZone(String text, String fallback) {
        String zone = text == null ? "" : text.strip();
        if (zone.isEmpty()) {
            return fallback;
        }
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }
}
