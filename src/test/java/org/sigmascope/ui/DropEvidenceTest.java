package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * Evidence dropped on the window. Headless Monocle delivers no drag-and-drop gesture (a robot drag from a window
 * offering files, tried first, never reaches the drop handler), so this walks what the drop handler calls,
 * {@code MainViewModel.openPaths}, with what a file manager drops: a folder while a case is open (imported into
 * it, every file of the folder one source), then a case file (opened in place of the one open).
 */
class DropEvidenceTest extends RobotTest {

    @Test
    void aDroppedFolderIsImportedAndADroppedCaseOpened() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        Path first = FxTests.fx(() -> robot.model().sessionProperty().get().file());
        Path folder = Path.of("samples", "generated", "evidence", "WS01").toAbsolutePath();

        FxTests.fx(() -> robot.model().openPaths(List.of(folder)));
        robot.until("the dropped folder imported", () -> robot.model().statusProperty().get()
                .startsWith("Imported") && robot.model().statusProperty().get().contains("from 4 source(s)"));
        robot.idle();
        robot.clickOn("#evidenceTab");
        for (String file : List.of("Security.evtx", "Microsoft-Windows-Sysmon%4Operational.evtx")) {
            robot.waitForText("#evidenceList", t -> t.contains(file), file + " in the evidence panel");
        }
        robot.waitForText("#evidenceList", t -> t.contains("process-starts.jsonl"), "the first evidence still there");

        FxTests.fx(() -> robot.model().closeCase());
        robot.until("no case open", () -> robot.model().sessionProperty().get() == null);
        FxTests.fx(() -> robot.model().openPaths(List.of(first)));
        robot.idle();
        assertTrue(FxTests.fx(() -> robot.model().sessionProperty().get().file()).equals(first),
                "the dropped case is open");
        robot.waitForText("#evidenceList", t -> t.contains("Security.evtx"), "its evidence listed");
    }
}
