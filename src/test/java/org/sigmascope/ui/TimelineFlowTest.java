package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

import org.sigmascope.ui.timeline.RowRef;

/**
 * The timeline by hand, in the real app: the context of an event, copying a cell and a row, moving with the
 * keyboard, and the settings a user sees at once (the time zone of the time column, the dark theme).
 */
class TimelineFlowTest extends RobotTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS",
            Locale.ROOT);

    @Test
    void theContextOfAnEventIsEveryEventAroundIt() throws TimeoutException {
        startAtTheFirstDetection();
        Instant at = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().event().timestamp());
        long event = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().id());

        robot.type(KeyCode.X);
        robot.waitForText("#chips", t -> t.startsWith("Context of event " + event + " ±5 min"), "the context chip");
        robot.idle();
        assertEquals(1, FxTests.fx(() -> robot.model().timeline().chips().size()), "the context replaces the filters");
        assertTrue(robot.count() > 1, "events around it, not only detections: " + robot.count());
        for (int i = 0; i < robot.count(); i++) {
            int index = i;
            Instant t = FxTests.fx(() -> robot.model().timeline().loaded(robot.timeline().getItems().get(index)))
                    .event().timestamp();
            assertTrue(!t.isBefore(at.minus(Duration.ofMinutes(5))) && !t.isAfter(at.plus(Duration.ofMinutes(5))),
                    "row " + i + " at " + t + " is within ±5 min of " + at);
        }
        robot.until("the event itself selected", () -> robot.model().timeline().selectedProperty().get() != null
                && robot.model().timeline().selectedProperty().get().id() == event);
    }

    @Test
    void copyACellAndARow() throws TimeoutException {
        startAtTheFirstDetection();
        String computer = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().event().computer());
        Node cell = robot.lookup("#timelineTable .table-row-cell:selected .table-cell").match(n ->
                n instanceof TableCell<?, ?> c && "column-computer".equals(c.getTableColumn().getId())).query();
        robot.clickOn(cell);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(computer, FxTests.fx(() -> Clipboard.getSystemClipboard().getString()), "the cell's text");

        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String row = FxTests.fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(row.contains("\t" + computer + "\t") && row.contains(SEED), "the row, tab-separated: " + row);
        assertTrue(!row.contains("\n") || row.indexOf('\n') == row.length() - 1, "one row, no header: " + row);
    }

    @Test
    void theKeyboardMovesThroughTheTimeline() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        if (FxTests.fx(() -> robot.model().timeline().detectionsOnlyProperty().get())) {
            robot.clickOn("#detectionsOnly");
            robot.idle();
        }
        assertEquals(15, robot.count());
        TableView<RowRef> table = robot.timeline();
        Node firstRow = robot.lookup("#timelineTable .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == 0 && r.getItem() != null).query();
        robot.clickOn(firstRow);
        robot.until("the first row selected", () -> table.getSelectionModel().getSelectedIndex() == 0
                && robot.model().timeline().selectedProperty().get() != null);
        long first = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().id());

        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        robot.until("two rows down", () -> table.getSelectionModel().getSelectedIndex() == 2);
        robot.until("the detail follows", () -> robot.model().timeline().selectedProperty().get() != null
                && robot.model().timeline().selectedProperty().get().id() != first);
        robot.type(KeyCode.END);
        robot.until("the last row", () -> table.getSelectionModel().getSelectedIndex() == 14);
        robot.type(KeyCode.HOME);
        robot.until("the first row", () -> table.getSelectionModel().getSelectedIndex() == 0
                && robot.model().timeline().selectedProperty().get().id() == first);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        robot.until("three rows selected", () -> table.getSelectionModel().getSelectedIndices().size() == 3);
    }

    @Test
    void settingsSwitchTheTimeZoneAndTheTheme() throws TimeoutException {
        startAtTheFirstDetection();
        Instant at = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().event().timestamp());
        String utc = TIME.format(at.atZone(ZoneId.of("UTC")));
        String tokyo = TIME.format(at.atZone(ZoneId.of("Asia/Tokyo")));
        robot.waitForText("#timelineTable", utc::equals, "the time in UTC");
        robot.waitForText("#timelineTable", "Time (UTC)"::equals, "the time column's header names UTC");
        assertTrue(brightness(robot.lookup("#timelineTable").query()) > 0.7, "light by default");

        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        robot.until("the settings", () -> robot.lookup("#zoneSetting").tryQuery().isPresent());
        robot.doubleClickOn("#zoneSetting").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Asia/Tokyo");
        robot.clickOn("#darkTheme");
        robot.clickOn("OK");

        robot.waitForText("#timelineTable", tokyo::equals, "the same event's time in Tokyo");
        robot.waitForText("#timelineTable", "Time (Asia/Tokyo)"::equals, "the header names the zone");
        assertTrue(robot.text("#timelineTable", utc::equals).isEmpty(), "no UTC time left");
        robot.until("the dark theme", () -> brightness(robot.lookup("#timelineTable").query()) < 0.3);
        assertEquals("Asia/Tokyo", FxTests.fx(() -> robot.model().settingsProperty().get().zone()), "kept");
    }

    /** Starts the app on the sample and selects the first detection of the seed rule. */
    private void startAtTheFirstDetection() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "the first detection"));
    }

    /** How bright a region's topmost background is, as drawn (0 black, 1 white). */
    private static double brightness(Node node) {
        return FxTests.fx(() -> {
            Region region = (Region) node;
            var fills = region.getBackground().getFills();
            return ((Color) fills.get(fills.size() - 1).getFill()).getBrightness();
        });
    }
}
