package org.sigmascope.ui.start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.sigmascope.Version;
import org.sigmascope.ui.settings.AppSettings;

/**
 * What the app shows with no case open: start a new case, open one, the recent cases, the sample evidence, and
 * the reminder that evidence can be dropped anywhere on the window.
 */
public final class StartView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** What the start screen's buttons do. */
    public interface Actions {
        void newCase();

        void openCase();

        void openRecent(Path file);

        void addEvidence();

        void openSamples();

        boolean hasSamples();
    }

    private final VBox root = new VBox(18);
    private final ListView<Path> recent = new ListView<>();
    private final Path home;

    /** @param home the Sigmascope folder, so case paths inside it are shown short */
    public StartView(ObservableValue<AppSettings> settings, Path home, Actions actions) {
        this.home = home.toAbsolutePath().normalize();
        root.setId("startView");
        root.getStyleClass().add("start");
        root.setAlignment(Pos.TOP_CENTER);
        Label title = new Label("Sigmascope");
        title.getStyleClass().add("title");
        Label subtitle = new Label("Sigma rules over Windows event logs: EVTX, JSON and CSV, offline. Version "
                + Version.version());
        subtitle.getStyleClass().add("subtitle");
        Button newCase = button("New case…", "newCase", actions::newCase);
        Button openCase = button("Open case…", "openCase", actions::openCase);
        Button evidence = button("Open evidence…", "openEvidence", actions::addEvidence);
        Button samples = button("Try the sample evidence", "startSamples", actions::openSamples);
        samples.setDisable(!actions.hasSamples());
        HBox buttons = new HBox(12, newCase, openCase, evidence, samples);
        buttons.setAlignment(Pos.CENTER);
        Label drop = new Label("Drop EVTX, JSON or CSV files — or whole folders of them — anywhere on this window to "
                + "start a new case. Evidence is opened read-only; everything you find and note is kept in the "
                + "case file.");
        drop.setWrapText(true);
        drop.setMaxWidth(640);
        VBox dropZone = new VBox(drop);
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setMaxWidth(700);
        Label recentTitle = new Label("Recent cases");
        recentTitle.getStyleClass().add("panel-title");
        recent.setId("recentCases");
        recent.getStyleClass().add("recent-list");
        recent.setMaxWidth(700);
        recent.setCellFactory(l -> new CaseCell());
        recent.setFixedCellSize(48);
        Label none = new Label("No recent cases.");
        none.getStyleClass().add("muted");
        recent.setPlaceholder(none);
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                actions.openRecent(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                actions.openRecent(recent.getSelectionModel().getSelectedItem());
            }
        });
        VBox recentBox = new VBox(6, recentTitle, recent);
        recentBox.setMaxWidth(700);
        recentBox.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().addAll(title, subtitle, buttons, dropZone, recentBox);
        settings.addListener((o, old, s) -> fill(s.recentCases()));
        fill(settings.getValue().recentCases());
    }

    public Parent root() {
        return root;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("big-button");
        button.setOnAction(e -> action.run());
        return button;
    }

    private void fill(List<String> files) {
        recent.getItems().setAll(files.stream().map(Path::of).toList());
        recent.setPrefHeight(Math.max(1, Math.min(6, files.size())) * 48 + 4);
    }

    /** Where a case is, short: in the Sigmascope folder, under the home folder ({@code ~}), or in full. */
    String where(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        if (f.startsWith(home)) {
            String inside = home.relativize(f).toString();
            return "Sigmascope folder" + (inside.isEmpty() ? "" : " › " + inside.replace('\\', '/'));
        }
        Path user = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return f.startsWith(user) ? "~/" + user.relativize(f).toString().replace('\\', '/') : f.toString();
    }

    /** A recent case: its name, its folder, when it was last changed (or that it is gone). */
    private final class CaseCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path file, boolean empty) {
            super.updateItem(file, empty);
            if (empty || file == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String name = file.getFileName().toString().replaceFirst("\\.(duckdb|sigmascope)$", "");
            Label title = new Label(name);
            title.getStyleClass().add("panel-title");
            String when;
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                when = "last changed " + WHEN.format(modified.atZone(ZoneId.systemDefault()));
            } catch (java.io.IOException e) {
                when = "the file is no longer there";
            }
            Label where = new Label(where(file.getParent()) + "  ·  " + when);
            where.getStyleClass().add("muted");
            setText(null);
            setGraphic(new VBox(2, title, where));
        }
    }
}
