package org.sigmascope.ui.main;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.sigmascope.caseview.StoredCaseDetails;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.ui.Dialogs;

/** The case's details for reports: name, reference, examiner, organisation, description; kept in the case. */
final class CaseDetailsDialog {
    private CaseDetailsDialog() {
    }

    static void open(Window owner, MainViewModel model) {
        model.caseDetails(details -> show(owner, model, details));
    }

    private static void show(Window owner, MainViewModel model, CaseDetails details) {
        TextField name = new TextField(details.name());
        TextField reference = new TextField(details.reference());
        TextField examiner = new TextField(details.examiner());
        TextField organisation = new TextField(details.organisation());
        TextArea description = new TextArea(details.description());
        description.setPrefRowCount(5);
        description.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Reference"), reference);
        grid.addRow(2, new Label("Examiner"), examiner);
        grid.addRow(3, new Label("Organisation"), organisation);
        grid.addRow(4, new Label("Description"), description);
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Case details");
        dialog.setHeaderText("Who examined what: shown at the top of reports, kept in the case");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(StoredCaseDetails.NAME, name.getText());
            values.put(StoredCaseDetails.REFERENCE, reference.getText());
            values.put(StoredCaseDetails.EXAMINER, examiner.getText());
            values.put(StoredCaseDetails.ORGANISATION, organisation.getText());
            values.put(StoredCaseDetails.DESCRIPTION, description.getText());
            model.saveCaseDetails(values);
        });
    }
}
