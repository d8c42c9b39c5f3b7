package org.sigmascope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import org.sigmascope.logging.AppLog;

/**
 * The app's dialogs, in plain words: never a stack trace (that goes to the log file, which a failure dialog names).
 * Each takes the window it belongs to and the theme of the app.
 */
public final class Dialogs {
    private Dialogs() {
    }

    /** Styles a dialog like the window it belongs to. */
    public static <D extends Dialog<?>> D styled(D dialog, Window owner) {
        dialog.initOwner(owner);
        Scene ownerScene = owner == null ? null : owner.getScene();
        if (ownerScene != null) {
            dialog.getDialogPane().getStylesheets().setAll(ownerScene.getStylesheets());
        }
        dialog.setResizable(true);
        return dialog;
    }

    /** A failure: what went wrong in a sentence, and where the details are. */
    public static void failure(Window owner, String title, String message) {
        Alert alert = styled(new Alert(Alert.AlertType.ERROR), owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Optional<Path> log = AppLog.current();
        Label text = new Label(message + (log.isPresent() ? "\n\nThe details are in the log file: " + log.get() : ""));
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    /** News the analyst should read (not a failure). */
    public static void information(Window owner, String title, String message) {
        Alert alert = styled(new Alert(Alert.AlertType.INFORMATION), owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    /** Asks before something that cannot be undone. */
    public static boolean confirm(Window owner, String title, String message, String action) {
        ButtonType go = new ButtonType(action, ButtonType.OK.getButtonData());
        Alert alert = styled(new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL), owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /** A line of text, such as a tag. */
    public static Optional<String> text(Window owner, String title, String prompt, String initial) {
        TextInputDialog dialog = styled(new TextInputDialog(initial), owner);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** One of some choices, or a new one typed. */
    public static Optional<String> choice(Window owner, String title, String prompt, List<String> choices) {
        ChoiceDialog<String> dialog = styled(new ChoiceDialog<>(choices.isEmpty() ? null : choices.get(0),
                choices), owner);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        return dialog.showAndWait();
    }
}
