package org.sigmascope.ui.evidence;

import java.util.List;
import java.util.function.LongConsumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.caseview.Gap;
import org.sigmascope.ui.Dialogs;

/** The gaps found in a source's logs; a double click shows the events around one in the timeline. */
final class GapsDialog {
    private GapsDialog() {
    }

    static void show(Window owner, EvidenceItem item, List<Gap> gaps, LongConsumer showEvent) {
        TableView<Gap> table = new TableView<>();
        table.setId("gapsTable");
        table.getItems().setAll(gaps);
        TableColumn<Gap, String> event = new TableColumn<>("Event");
        event.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().eventId())));
        event.setPrefWidth(90);
        TableColumn<Gap, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(switch (c.getValue().kind()) {
            case RECORD_IDS -> "record ids skip";
            case TIME_BACKWARDS -> "time runs backwards";
            case SILENCE -> "silence";
            case LOG_CLEARED -> "log cleared";
        }));
        kind.setPrefWidth(150);
        TableColumn<Gap, String> what = new TableColumn<>("What");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        what.setPrefWidth(520);
        table.getColumns().add(event);
        table.getColumns().add(kind);
        table.getColumns().add(what);
        table.setPrefSize(780, 320);
        table.setRowFactory(t -> {
            TableRow<Gap> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    showEvent.accept(row.getItem().eventId());
                }
            });
            return row;
        });
        Label help = new Label("Records missing from a log, time running backwards, long silences and cleared logs "
                + "can mean tampering, or a log that rolled over or a host that was off. Double-click a line to see "
                + "the events around it.");
        help.setWrapText(true);
        Dialog<ButtonType> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Gaps: " + EvidenceView.shortName(item.source().displayName()));
        dialog.setHeaderText(item.source().path());
        dialog.getDialogPane().setContent(new VBox(8, help, table));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
