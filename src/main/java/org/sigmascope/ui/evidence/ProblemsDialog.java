package org.sigmascope.ui.evidence;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.caseview.SourceProblems;
import org.sigmascope.store.SourceRow;
import org.sigmascope.ui.Dialogs;

/** The problems an import found in a source, each with where it is (byte offset or line) and what is wrong. */
final class ProblemsDialog {
    private ProblemsDialog() {
    }

    static void show(Window owner, EvidenceItem item, List<SourceProblems.Problem> problems) {
        SourceRow s = item.source();
        TableView<SourceProblems.Problem> table = new TableView<>();
        table.setId("problemsTable");
        table.getItems().setAll(problems);
        TableColumn<SourceProblems.Problem, String> kind = new TableColumn<>("");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().error() ? "error" : "warning"));
        kind.setPrefWidth(70);
        TableColumn<SourceProblems.Problem, String> where = new TableColumn<>("Where");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().location()));
        where.setPrefWidth(260);
        TableColumn<SourceProblems.Problem, String> what = new TableColumn<>("What");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        what.setPrefWidth(520);
        table.getColumns().add(kind);
        table.getColumns().add(where);
        table.getColumns().add(what);
        table.setPrefSize(880, 360);
        table.setPlaceholder(new Label("No problems were recorded."));
        Label totals = new Label(String.format("In all: %,d unreadable records, %,d chunks skipped, %,d warnings. "
                + "The first %,d problems are kept with their locations (%s).", s.failed(), s.chunksSkipped(),
                s.warnings(), problems.size(), EvidenceView.count(problems)));
        totals.setWrapText(true);
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Problems: " + EvidenceView.shortName(s.displayName()));
        dialog.setHeaderText(s.path());
        dialog.getDialogPane().setContent(new VBox(8, totals, table));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
