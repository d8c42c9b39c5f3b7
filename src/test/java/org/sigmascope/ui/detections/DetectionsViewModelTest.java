package org.sigmascope.ui.detections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.caseview.DetectionSummary;
import org.sigmascope.store.TestCases;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.FxTests;
import org.sigmascope.ui.session.CaseSession;
import org.sigmascope.ui.timeline.FilterChip;
import org.sigmascope.ui.timeline.TimelineViewModel;

/**
 * The detections panel's model on a real case (the hand-written sample, two detections of one rule): the counts,
 * and a click turned into a chip that the timeline runs.
 */
class DetectionsViewModelTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";

    @TempDir
    Path dir;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private CaseSession session;

    @BeforeAll
    static void toolkit() {
        FxTests.toolkit();
    }

    @AfterEach
    void close() throws Exception {
        tasks.close();
        session.close();
    }

    @Test
    void theCountsAndAClickThatFiltersTheTimeline() throws Exception {
        session = new CaseSession(TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES));
        List<FilterChip> chips = new ArrayList<>();
        DetectionsViewModel model = FxTests.fx(() -> new DetectionsViewModel(tasks, chips::add));
        FxTests.fx(() -> model.open(session));
        FxTests.until("the summary", () -> model.summaryProperty().get().detections() > 0);

        DetectionSummary summary = FxTests.fx(() -> model.summaryProperty().get());
        assertEquals(2, summary.detections());
        assertEquals(List.of("medium 2"), summary.levels().stream().map(c -> c.label() + " " + c.count()).toList());
        DetectionSummary.Count rule = summary.rules().get(0);
        assertEquals(SEED + " 2", rule.label() + " " + rule.count());

        FxTests.fx(() -> model.show(DetectionsViewModel.Group.RULE, rule));
        assertEquals(1, chips.size());
        assertEquals("Rule: " + SEED, chips.get(0).label());

        // The chip's query, run by the timeline, keeps the rule's two events.
        TimelineViewModel timeline = FxTests.fx(() -> new TimelineViewModel(tasks, said -> { }));
        FxTests.fx(() -> timeline.open(session));
        FxTests.until("all events", () -> timeline.countProperty().get() == 15 && !timeline.countingProperty().get());
        FxTests.fx(() -> timeline.addChip(chips.get(0)));
        FxTests.until("the rule's events", () -> timeline.countProperty().get() == 2
                && !timeline.countingProperty().get());
        FxTests.fx(timeline::close);
    }
}
