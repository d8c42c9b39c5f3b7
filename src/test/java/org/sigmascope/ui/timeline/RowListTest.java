package org.sigmascope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The table's item list: references made on demand, grown as a result grows, found by position. */
class RowListTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aTableShowsTheRowsOfAGrowingList() throws Exception {
        RowList list = new RowList(7, 0);
        TableView<RowRef> table = new TableView<>(list);
        TableColumn<RowRef, String> index = new TableColumn<>("index");
        index.setCellValueFactory(c -> new ReadOnlyStringWrapper("row " + c.getValue().index()));
        table.getColumns().add(index);
        FxToolkit.setupStage(stage -> stage.setScene(new Scene(table, 300, 300)));
        FxToolkit.showStage();
        robot.interact(() -> list.growTo(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, table.getItems().size());
        assertTrue(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "row 4".equals(l.getText())).tryQuery().isPresent(), "the fifth row is on screen");
        assertEquals(3, list.indexOf(new RowRef(7, 3)));
        assertEquals(-1, list.indexOf(new RowRef(8, 3)), "a reference of another result is not in the list");
        robot.interact(() -> list.growTo(2_000_000));
        robot.interact(() -> table.scrollTo(1_999_990));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "row 1999995".equals(l.getText())).tryQuery().isPresent(), "rows far down are shown");
        FxToolkit.setupStage(Stage::hide);
    }
}
