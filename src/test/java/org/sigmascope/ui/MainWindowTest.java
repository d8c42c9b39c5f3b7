package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.model.Detection;

/**
 * The walking skeleton, seen in the app (headless, Monocle): open the sample evidence, wait for the scan, select
 * the seed detection, and find scrcons.exe in the detail pane.
 */
class MainWindowTest {
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @BeforeEach
    void start() throws TimeoutException {
        System.setProperty("sigmascope.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SigmascopeApp.class, "samples/wmi-persistence");
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("sigmascope.home");
    }

    private java.util.Optional<javafx.scene.Node> seedCell() {
        return robot.lookup("#detectionsTable .table-cell")
                .match(node -> node instanceof javafx.scene.control.Labeled cell && node.isVisible()
                        && "WMI Persistence - Script Event Consumer".equals(cell.getText()))
                .tryQuery();
    }

    @Test
    void theSeedDetectionOpensIntoItsEvent() throws TimeoutException {
        TableView<Detection> detections = robot.lookup("#detectionsTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> detections.getItems().size() == 2);
        assertEquals("WMI Persistence - Script Event Consumer", detections.getItems().get(0).rule().title());

        // Click the rule title's cell on screen, as the analyst would. The table may lay its cells out again between
        // finding the cell and clicking it (seen on a loaded machine), so click again until the detail shows it.
        Label title = robot.lookup("#ruleTitle").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            java.util.Optional<javafx.scene.Node> cell = seedCell();
            if (cell.isEmpty()) {
                return false;
            }
            robot.clickOn(cell.get());
            WaitForAsyncUtils.waitForFxEvents();
            return "WMI Persistence - Script Event Consumer".equals(title.getText());
        });
        Label meta = robot.lookup("#ruleMeta").queryAs(Label.class);
        assertTrue(meta.getText().contains("Thomas Patzke"), meta.getText());
        TableView<Map.Entry<String, String>> fields = robot.lookup("#detailFields").queryTableView();
        assertTrue(fields.getItems().contains(Map.entry("Image", "C:\\Windows\\System32\\wbem\\scrcons.exe")),
                fields.getItems().toString());
        assertTrue(robot.lookup("#detailFields .table-cell")
                .match(node -> node instanceof javafx.scene.control.Labeled l
                        && "C:\\Windows\\System32\\wbem\\scrcons.exe".equals(l.getText()))
                .tryQuery().isPresent(), "the Image value is shown on screen");
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("2 detections"), status.getText());
    }
}
