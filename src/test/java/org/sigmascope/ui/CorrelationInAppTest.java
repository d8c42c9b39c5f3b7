package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;

/**
 * A correlation hit in the app (headless, Monocle), on the generated sample (the WMI story and its decoy): it is one
 * detection, it opens into the five events it is made of, and those are marked in the event table.
 */
class CorrelationInAppTest {
    private static final String TITLE = "WMI Persistence - Script Consumer Registered, Then Run by scrcons.exe";

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @BeforeEach
    void start() throws TimeoutException {
        System.setProperty("sigmascope.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SigmascopeApp.class, "samples/generated/evidence");
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("sigmascope.home");
    }

    private Optional<Node> cell(String table, String text) {
        return robot.lookup(table + " .table-cell")
                .match(node -> node instanceof Labeled cell && node.isVisible() && text.equals(cell.getText()))
                .tryQuery();
    }

    @Test
    void theHitOpensIntoItsEventsAndMarksThemInTheEventTable() throws TimeoutException {
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().contains("events from"));
        TableView<Detection> detections = robot.lookup("#detectionsTable").queryTableView();
        List<Detection> hits = detections.getItems().stream().filter(d -> d.correlation() != null).toList();
        assertEquals(1, hits.size(), "the story, not the decoy");
        Detection hit = hits.get(0);
        assertEquals(TITLE, hit.rule().title());
        robot.interact(() -> detections.scrollTo(hit));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell("#detectionsTable", TITLE).isPresent());
        robot.clickOn(cell("#detectionsTable", TITLE).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(TITLE, robot.lookup("#ruleTitle").queryAs(Label.class).getText());
        TableView<Event> madeOf = robot.lookup("#correlationEvents").queryTableView();
        assertTrue(madeOf.isVisible());
        assertEquals(hit.correlation().eventIds(), madeOf.getItems().stream().map(Event::id).toList(),
                "its events, in time order");
        assertEquals(List.of(20, 21, 5861, 4688, 1), madeOf.getItems().stream().map(Event::eventId).toList());
        assertTrue(robot.lookup("#correlationMadeOf").queryAs(Label.class).getText().startsWith("Made of 5 events"));

        // One of its events, selected, shows its fields: the consumer (Sysmon 20) and its script.
        robot.interact(() -> madeOf.getSelectionModel().select(0));
        TableView<Map.Entry<String, String>> fields = robot.lookup("#detailFields").queryTableView();
        assertTrue(fields.getItems().stream().anyMatch(f -> f.getKey().equals("Destination")), fields.getItems()
                .toString());

        // The event table marks the hit's events, and only those.
        TableView<Event> events = robot.lookup("#eventsTable").queryTableView();
        robot.interact(() -> events.scrollTo(madeOf.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> marked = robot.lookup("#eventsTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getStyleClass().contains("correlated"))
                .map(row -> ((Event) row.getItem()).id()).toList();
        assertTrue(!marked.isEmpty(), "some of the hit's events are in view");
        assertTrue(hit.correlation().eventIds().containsAll(marked), marked.toString());

        // Another detection clears the marks.
        Detection other = detections.getItems().stream().filter(d -> d.correlation() == null).findFirst()
                .orElseThrow();
        robot.interact(() -> detections.getSelectionModel().select(other));
        assertEquals(List.of(), madeOf.getItems());
        assertTrue(robot.lookup("#eventsTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .noneMatch(row -> row.getStyleClass().contains("correlated")));
    }
}
