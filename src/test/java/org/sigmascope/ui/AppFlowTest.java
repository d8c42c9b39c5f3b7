package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;

import org.sigmascope.ui.timeline.FilterChip;

/**
 * The main flows, walked by a robot in the real app (headless): open the sample evidence and watch the scan; open a
 * detection, its explanation and its rule; filter by query (and see a syntax error placed), by a column's values
 * and by brushing the histogram; open the process tree at a detection; tag and note an event, close and reopen the
 * case, and find the note.
 */
class AppFlowTest extends RobotTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";

    @Test
    void openTheSamplesWatchTheScanAndExplainADetection() throws TimeoutException {
        robot = new AppRobot(home).start();
        List<String> progress = new CopyOnWriteArrayList<>();
        FxTests.fx(() -> robot.model().progress().textProperty().addListener((o, old, text) -> progress.add(text)));

        robot.clickOn("#startSamples");
        robot.idle();
        assertTrue(progress.stream().anyMatch(t -> t.startsWith("Importing")), "the scan showed its progress: "
                + progress);
        robot.until("the import is reported", () -> robot.model().statusProperty().get().startsWith("Imported"));
        assertTrue(robot.model().statusProperty().get().contains("detections"),
                robot.model().statusProperty().get());

        // The detections panel: a click on the seed rule filters the timeline to its six events.
        robot.clickOn(robot.waitForText("#detectionSummary", SEED::equals, "the seed rule in the summary"));
        robot.until("the rule's chip", () -> robot.model().timeline().chips().stream()
                .anyMatch(c -> c.label().equals("Rule: " + SEED)));
        robot.idle();
        assertEquals(6, robot.count(), "two detections in the hand-written sample, four in the generated one");

        // Open the first one: the explanation shows the matched part of the event's value.
        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "a row of the seed rule"));
        robot.until("the detail shows the detection", () -> !robot.model().detail().detections().isEmpty());
        robot.clickOn("Why it matched (1)");
        Node match = robot.lookup("#explanation .explanation-match").query();
        assertEquals("C:\\Windows\\System32\\wbem\\scrcons.exe".toLowerCase(),
                ((Text) match).getText().toLowerCase(), "the matched part of Image is highlighted");
        robot.clickOn("#ruleTab");
        assertEquals(SEED, robot.lookup("#ruleTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#ruleMeta").queryAs(Label.class).getText().contains("Thomas Patzke"));
        assertTrue(robot.lookup("#ruleTags .hyperlink").match(n -> ((javafx.scene.control.Hyperlink) n).getText()
                .equals("attack.t1546.003") && !n.isDisabled()).tryQuery().isPresent(), "ATT&CK tags are links");
        robot.until("the rule's YAML", () -> robot.lookup("#ruleYaml").queryAs(TextArea.class).getText()
                .contains("title: " + SEED));
        robot.clickOn("#originalTab");
        robot.until("the original record", () -> !robot.lookup("#originalRecord").queryAs(TextArea.class).getText()
                .isEmpty());
        String original = robot.lookup("#originalRecord").queryAs(TextArea.class).getText();
        // The seed rule fires on Sysmon process starts (EventID 1) and Security's (4688): the record is the event's.
        int eventId = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().row().event().eventId());
        assertTrue(original.contains("<EventID>" + eventId + "</EventID>") || original.contains("\"EventID\""),
                original);
        assertTrue(original.toLowerCase().contains("scrcons.exe"), original);
    }

    @Test
    void filterByQueryByColumnAndByBrushingTheHistogram() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        // The timeline turns to detections only when the import ends: wait for it before turning that off.
        robot.until("the import is reported", () -> robot.model().statusProperty().get().startsWith("Imported"));
        robot.idle();
        robot.clickOn("#detectionsOnly");
        robot.idle();
        assertEquals(15, robot.count());

        robot.clickOn("#queryField").write("EventID:1 AND (Image:x").type(KeyCode.ENTER);
        robot.until("the error", () -> robot.lookup("#queryProblem").queryAs(Label.class).isVisible());
        String problem = robot.lookup("#queryProblem").queryAs(Label.class).getText();
        assertTrue(problem.endsWith("\n" + " ".repeat(14) + "^ this '(' is never closed"), problem);

        robot.doubleClickOn("#queryField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Image:*\\scrcons.exe").type(KeyCode.ENTER);
        robot.idle();
        assertEquals(3, robot.count());
        assertTrue(!robot.lookup("#queryProblem").queryAs(Label.class).isVisible());

        // A column's values with their counts: keep the events of one computer.
        robot.doubleClickOn("#queryField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .type(KeyCode.DELETE).type(KeyCode.ENTER);
        robot.idle();
        Node computerFilter = robot.lookup("#column-computer .column-filter").query();
        robot.clickOn(computerFilter);
        robot.waitForText("#columnValues", t -> t.startsWith("WS02.corp.example"), "the values of Computer");
        Node ws02 = robot.lookup("#columnValues .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() != null && c.getItem().toString().startsWith("WS02")).query();
        Node tick = robot.from(ws02).lookup(".check-box").query();
        robot.clickOn(tick);
        robot.clickOn("Keep these");
        robot.idle();
        assertEquals(5, robot.count(), "WS02's five process starts");
        assertTrue(robot.model().timeline().chips().stream().anyMatch(c -> c.label().startsWith("Computer: WS02")));

        // Brush the histogram: a time range chip, and fewer events.
        robot.until("the histogram of WS02's events", () -> robot.model().timeline().histogramProperty().get() != null
                && robot.model().timeline().histogramProperty().get().total() == 5);
        Bounds bounds = robot.lookup("#histogram").query().localToScreen(robot.lookup("#histogram").query()
                .getBoundsInLocal());
        robot.drag(bounds.getMinX() + 3, bounds.getMinY() + 30, MouseButton.PRIMARY)
                .dropTo(bounds.getMinX() + bounds.getWidth() * 0.4, bounds.getMinY() + 30);
        robot.until("the time chip", () -> robot.model().timeline().chips().stream()
                .anyMatch(c -> c.key().equals(FilterChip.TIME)));
        robot.idle();
        assertTrue(robot.count() < 5 && robot.count() > 0, "the brushed range keeps some of WS02's events: "
                + robot.count());
    }

    @Test
    void theProcessTreeOpensAtTheDetection() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "the first detection"));
        robot.type(KeyCode.P);
        robot.until("the tree is built and the process selected", () -> {
            TreeTableView<Integer> tree = robot.lookup("#processTree").query();
            return tree.getSelectionModel().getSelectedItem() != null;
        });
        TreeTableView<Integer> tree = robot.lookup("#processTree").query();
        int selected = tree.getSelectionModel().getSelectedItem().getValue();
        assertEquals("scrcons.exe", robot.model().processTrees().treeProperty().get().process(selected).name());
        assertTrue(robot.lookup("#ancestry .hyperlink").match(n -> ((javafx.scene.control.Hyperlink) n).getText()
                .startsWith("svchost.exe")).tryQuery().isPresent(), "its ancestry shows svchost.exe");
        assertTrue(robot.text("#processTree", t -> t.startsWith("exact") || t.startsWith("inferred")).isPresent(),
                "link confidence is shown");

        robot.clickOn("#showProcessEvents");
        robot.until("the process's events in the timeline", () -> robot.model().timeline().chips().stream()
                .anyMatch(c -> c.label().startsWith("Process scrcons.exe")));
        robot.idle();
        assertTrue(robot.count() >= 1);
    }

    @Test
    void tagAndNoteAnEventThenReopenTheCaseAndFindTheNote() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "the first detection"));
        long event = FxTests.fx(() -> robot.model().timeline().selectedProperty().get().id());

        robot.type(KeyCode.T);
        robot.until("the tag dialog", () -> robot.lookup("#tagInput").tryQuery().isPresent());
        robot.clickOn("#tagInput").write("persistence").type(KeyCode.ENTER);
        robot.waitForText("#timelineTable", "persistence"::equals, "the tag in its column");

        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "the detection again"));
        robot.type(KeyCode.N);
        robot.clickOn("#noteInput").write("beacon to 10.1.2.3 every 60 s");
        robot.clickOn("OK");
        robot.until("the note mark", () -> robot.text("#timelineTable", t -> t.contains("✎")).isPresent());

        robot.clickOn("File").clickOn("Close case");
        robot.until("the start screen", () -> robot.lookup("#startView").query().isVisible());
        Node recent = robot.waitForText("#recentCases", t -> t.startsWith("case-"), "the case among recent ones");
        robot.doubleClickOn(recent);
        robot.idle();

        robot.clickOn("#queryField").write("note:*beacon*").type(KeyCode.ENTER);
        robot.idle();
        assertEquals(1, robot.count());
        robot.clickOn(robot.waitForText("#timelineTable", SEED::equals, "the noted event"));
        assertEquals(event, FxTests.fx(() -> robot.model().timeline().selectedProperty().get().id()));
        robot.clickOn("#notesTab");
        robot.waitForText("#notesList", "beacon to 10.1.2.3 every 60 s"::equals, "the note");
        assertEquals(List.of("persistence"), FxTests.fx(() -> robot.model().timeline().selectedProperty().get()
                .row().tags()));
    }
}
