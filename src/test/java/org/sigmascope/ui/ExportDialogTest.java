package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Level;
import org.sigmascope.ui.export.ExportViewModel;

/**
 * The export dialog, walked by a robot: the HTML report of the sample case with a section left out and a level
 * threshold, and the Hayabusa CSV of the same detections; what is written is read back.
 */
class ExportDialogTest extends RobotTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";
    private static final String WMIC = "WMI Persistence - wmic.exe Creates an ActiveScriptEventConsumer";

    @Test
    void theReportHasTheSectionsAndLevelsChosen() throws IOException, TimeoutException {
        robot = new AppRobot(home).start("samples");
        robot.idle();
        Path report = home.resolve("out/report.html");

        openExport();
        chooseLevel(Level.HIGH);
        robot.clickOn("#section-process-trees");
        robot.clickOn("#section-attribution");
        writeFile(report);
        export();

        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("id=\"detections\""), "the detections section");
        assertTrue(html.contains("id=\"summary\""), "the summary section");
        assertFalse(html.contains("id=\"process-trees\""), "the process trees were left out");
        assertFalse(html.contains("id=\"attribution\""), "the attribution was left out");
        assertTrue(html.contains(WMIC), "a high detection is in");
        assertFalse(html.contains(SEED), "a medium one is below the threshold");
    }

    @Test
    void theDetectionsGoOutAsAHayabusaTimeline() throws IOException, TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        Path csv = home.resolve("hayabusa.csv");

        openExport();
        robot.clickOn("#exportKind");
        choose(ExportViewModel.Kind.HAYABUSA.label());
        writeFile(csv);
        export();

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("RuleTitle"), lines.get(0));
        long detections = FxTests.fx(() -> robot.model().detections().summaryProperty().get().rules().stream()
                .mapToLong(c -> c.count()).sum());
        assertEquals(detections, lines.size() - 1, "one line a detection");
        assertTrue(lines.stream().anyMatch(l -> l.contains(SEED)), "the seed rule's detections");
    }

    private void export() {
        robot.clickOn("Export");
        robot.until("the export is reported", () -> robot.model().statusProperty().get().startsWith("Exported"));
    }

    private void openExport() {
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        robot.until("the export dialog", () -> robot.lookup("#exportKind").tryQuery().isPresent());
    }

    private void chooseLevel(Level level) {
        ComboBox<Level> levels = robot.lookup("#exportMinLevel").queryComboBox();
        robot.clickOn(levels);
        choose(level.sigmaName());
        assertEquals(level, FxTests.fx(levels::getValue));
    }

    /** Picks an item of the open combo box's list. */
    private void choose(String item) {
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((javafx.scene.control.ListCell<?> c) ->
                item.equals(c.getText())).<javafx.scene.Node>query());
    }

    private void writeFile(Path file) {
        robot.doubleClickOn("#exportFile").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(file.toString());
    }
}
