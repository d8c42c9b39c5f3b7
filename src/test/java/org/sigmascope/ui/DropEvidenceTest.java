package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;

import org.junit.jupiter.api.Test;

/**
 * Evidence dropped on the window, through the app's own drop handlers. Headless Monocle starts no native
 * drag-and-drop gesture (a robot drag from a window offering files never reaches a drop handler), so the test makes
 * what the toolkit makes for a file manager's drag: a dragboard holding the files, and the drag events on the node
 * under the pointer, {@code DRAG_OVER} then {@code DRAG_DROPPED}, which bubble up to the window's handlers. Dropped:
 * a folder on the timeline while a case is open (imported into it, every file of the folder one source), then a
 * case file on the start view (opened).
 */
class DropEvidenceTest extends RobotTest {

    @Test
    void aDroppedFolderIsImportedAndADroppedCaseOpened() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        Path first = FxTests.fx(() -> robot.model().sessionProperty().get().file());
        Path folder = Path.of("samples", "generated", "evidence", "WS01").toAbsolutePath();

        drop("#timelineTable", folder);
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
        drop("#startView", first);
        robot.idle();
        assertTrue(FxTests.fx(() -> robot.model().sessionProperty().get().file()).equals(first),
                "the dropped case is open");
        robot.waitForText("#evidenceList", t -> t.contains("Security.evtx"), "its evidence listed");
    }

    /** Drags files over the node and drops them at its centre; the window must take them as a copy. */
    private void drop(String query, Path... files) {
        Node target = robot.lookup(query).query();
        TransferMode accepted = FxTests.fx(() -> {
            Dragboard board = DragboardHelper.createDragboard(draggedFiles());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(java.util.Arrays.stream(files).map(Path::toFile).toList());
            board.setContent(content);
            Bounds inScene = target.localToScene(target.getBoundsInLocal());
            Bounds onScreen = target.localToScreen(target.getBoundsInLocal());
            double x = inScene.getCenterX();
            double y = inScene.getCenterY();
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, x, y, onScreen.getCenterX(),
                    onScreen.getCenterY(), TransferMode.COPY, null, null, null);
            Event.fireEvent(target, over);
            if (over.getAcceptedTransferMode() == null) {
                return null;
            }
            DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, onScreen.getCenterX(),
                    onScreen.getCenterY(), over.getAcceptedTransferMode(), null, null, null);
            Event.fireEvent(target, dropped);
            assertTrue(dropped.isDropCompleted(), "the window completed the drop");
            assertEquals(List.of(files[0].toFile()), board.getFiles().subList(0, 1));
            return over.getAcceptedTransferMode();
        });
        assertEquals(TransferMode.COPY, accepted, "the window accepts files dragged over " + query);
    }

    /**
     * The clipboard of a drag whose source offers a copy, as the toolkit's own is during a file manager's drag: the
     * toolkit's local clipboard holds the content, and the drag's transfer modes (which a local clipboard, being no
     * drag, refuses to give) are those of the source.
     */
    private static TKClipboard draggedFiles() {
        TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
        return (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransferModes")) {
                        return EnumSet.of(TransferMode.COPY);
                    }
                    try {
                        return method.invoke(local, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
