package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.TableRow;

import org.junit.jupiter.api.Test;

import org.sigmascope.ui.rules.RuleRow;

/**
 * The rules view in the real app: each rule's hits and cost after the import (the compiled engine's accounting),
 * and a rule turned off then a re-scan, which takes its detections out of the case.
 */
class RulesFlowTest extends RobotTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";

    @Test
    void hitsAndCostThenTurnARuleOffAndRescan() throws TimeoutException {
        robot = new AppRobot(home).start("samples/wmi-persistence");
        robot.idle();
        robot.waitForText("#detectionSummary", SEED::equals, "the seed rule among the detections");
        if (!FxTests.fx(() -> robot.model().timeline().detectionsOnlyProperty().get())) {
            robot.clickOn("#detectionsOnly");
            robot.idle();
        }
        long detections = robot.count();

        robot.clickOn("#rulesTab");
        robot.clickOn("#ruleSearch").write("Script Event Consumer");
        Node title = robot.waitForText("#rulesTable", SEED::equals, "the seed rule in the rules view");
        TableRow<?> row = (TableRow<?>) title.getParent();
        robot.until("its hits and cost", () -> row.getItem() instanceof RuleRow r && r.hits() > 0 && r.costMs() >= 0);
        RuleRow seed = (RuleRow) FxTests.fx(row::getItem);
        assertTrue(robot.text("#rulesTable", t -> t.equals(String.format("%,d", seed.hits()))).isPresent(),
                "the Hits column shows " + seed.hits());
        assertTrue(robot.text("#rulesTable", t -> t.matches("\\d+\\.\\d{3} ms|[\\d,]+\\.\\d ms")).isPresent(),
                "the Cost column shows the rule's matching time");
        assertEquals(seed.costText(), robot.from(row).lookup(".table-cell").match(n -> n instanceof
                javafx.scene.control.TableCell<?, ?> c && "ruleCost".equals(c.getTableColumn().getId()))
                .queryLabeled().getText(), "the seed rule's own Cost cell");

        // Off, then re-scan: its detections leave the case, and the detections panel and the rules view say so.
        Node tick = robot.from(row).lookup(".check-box").query();
        robot.clickOn(tick);
        robot.until("the re-scan asked for", () -> robot.model().rulesModel().needsRescanProperty().get());
        robot.waitForText("#rulesTable", "off"::equals, "the rule shown off");
        robot.clickOn("#rescan");
        robot.until("the re-scan done", () -> robot.model().statusProperty().get().startsWith("Re-scanned"));
        robot.until("the rule's hits gone", () -> robot.model().rulesModel().allRows().stream()
                .anyMatch(r -> r.info() != null && r.title().equals(SEED) && r.hits() == 0));
        assertTrue(robot.model().statusProperty().get().contains("detections of 1 rules removed"),
                robot.model().statusProperty().get());
        robot.clickOn("#timelineTab");
        robot.idle();
        robot.until("the seed rule gone from the detections panel",
                () -> robot.text("#detectionSummary", SEED::equals).isEmpty());
        assertTrue(robot.count() < detections, "fewer detections in the timeline: " + robot.count() + " of "
                + detections);
        assertFalse(robot.model().rulesModel().needsRescanProperty().get());
    }
}
