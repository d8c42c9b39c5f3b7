package org.sigmascope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;
import org.sigmascope.store.timeline.Histogram;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.ValueCount;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.FxTests;
import org.sigmascope.ui.session.CaseSession;

/**
 * The timeline's view model on a real case (the hand-written sample: 15 process starts on two hosts, two
 * detections), without a stage: queries, errors placed in the text, chips, column values, context, paging.
 */
class TimelineViewModelTest {
    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();
    private BackgroundTasks tasks;
    private TimelineViewModel model;
    private CaseSession session;

    @BeforeAll
    static void toolkit() {
        FxTests.toolkit();
    }

    @BeforeEach
    void open() throws Exception {
        CaseStore store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES);
        session = new CaseSession(store);
        tasks = new BackgroundTasks();
        model = FxTests.fx(() -> new TimelineViewModel(tasks, said::add));
        FxTests.fx(() -> model.open(session));
        settle();
    }

    @AfterEach
    void close() throws Exception {
        FxTests.fx(() -> model.close());
        tasks.close();
        session.close();
    }

    /** Waits for the query, its count and its first page. */
    private void settle() {
        FxTests.until("the timeline has its result", () -> !model.countingProperty().get()
                && model.firstPageMillisProperty().get() >= 0);
    }

    private void run(String query) {
        FxTests.fx(() -> {
            model.queryProperty().set(query);
            model.apply();
        });
        FxTests.until("the query ran", () -> (model.problemProperty().get() != null
                || model.firstPageMillisProperty().get() >= 0) && !model.countingProperty().get());
    }

    /** All rows of the result, loaded as the table would load them. */
    private List<TimelineEntry> rows() {
        int size = FxTests.fx(() -> model.rowsProperty().get().size());
        List<TimelineEntry> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            RowRef ref = FxTests.fx(() -> model.rowsProperty().get().get(index));
            FxTests.fx(() -> model.row(ref));
            FxTests.until("row " + i + " is loaded", () -> model.row(ref).get() != null);
            rows.add(FxTests.fx(() -> model.row(ref).get()));
        }
        return rows;
    }

    @Test
    void aCaseOpensOnAllItsEventsInTimeOrder() {
        assertEquals(15, model.countProperty().get());
        List<TimelineEntry> rows = rows();
        assertEquals(15, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertFalse(rows.get(i).event().timestamp().isBefore(rows.get(i - 1).event().timestamp()),
                    "time order at row " + i);
        }
        Histogram histogram = model.histogramProperty().get();
        assertNotNull(histogram);
        assertEquals(15, histogram.total(), "the histogram counts the same events");
        assertEquals(2, model.detectionHistogramProperty().get().total(), "and those with detections apart");
    }

    @Test
    void aQueryKeepsItsEventsAndRowsCarryTheirRuleTitles() {
        run("Image:*\\scrcons.exe");
        assertNull(model.problemProperty().get());
        assertEquals(3, model.countProperty().get(), "scrcons.exe from svchost, from WmiPrvSE, and a copy in Public");
        run("is:detected");
        List<TimelineEntry> rows = rows();
        assertEquals(2, rows.size());
        for (TimelineEntry row : rows) {
            assertEquals(List.of("WMI Persistence - Script Event Consumer"), row.extras().ruleTitles());
            assertEquals("medium", Columns.byId("level").orElseThrow().text(row, java.time.ZoneOffset.UTC));
        }
    }

    @Test
    void aSyntaxErrorIsPlacedAtItsCharacterAndTheResultStays() {
        run("EventID:1 AND (Image:x");
        QueryProblem problem = model.problemProperty().get();
        assertNotNull(problem);
        assertEquals(14, problem.position(), problem.describe());
        assertEquals("this '(' is never closed", problem.message());
        assertEquals(15, model.countProperty().get(), "the last result stays on screen");
        run("Imagee:x");
        assertTrue(model.problemProperty().get().message().contains("no event in this case has a field named "
                + "'Imagee'"), model.problemProperty().get().message());
        run("");
        assertNull(model.problemProperty().get());
    }

    @Test
    void chipsColumnValuesAndDetectionsOnlyNarrowTheQuery() {
        ColumnSpec computer = Columns.byId("computer").orElseThrow();
        ValueCount.Values[] values = new ValueCount.Values[1];
        FxTests.fx(() -> model.columnValues(computer, v -> values[0] = v, e -> { }));
        FxTests.until("the values are counted", () -> values[0] != null);
        assertEquals(List.of(new ValueCount("WS01.corp.example", 10), new ValueCount("WS02.corp.example", 5)),
                values[0].values());

        FxTests.fx(() -> model.filterColumn(computer, List.of("WS02.corp.example"), false));
        settle();
        assertEquals(5, model.countProperty().get());
        assertTrue(model.filtered(computer));
        FxTests.fx(() -> {
            model.remember();
            model.detectionsOnlyProperty().set(true);
            model.apply();
        });
        settle();
        assertEquals(1, model.countProperty().get(), "WS02's one detection (Security 4688)");
        FxTests.fx(() -> model.back());
        settle();
        assertEquals(5, model.countProperty().get(), "Back restores the query before");

        FxTests.fx(() -> model.filterColumn(computer, List.of("WS02.corp.example"), true));
        settle();
        assertEquals(10, model.countProperty().get(), "excluding keeps the others");
        FxTests.fx(() -> model.filterColumn(computer, List.of(), false));
        settle();
        assertEquals(15, model.countProperty().get(), "no values removes the column's filter");
    }

    @Test
    void theContextOfAnEventShowsEverySourceAroundItWithTheEventSelected() {
        run("is:detected AND Computer:WS02.corp.example");
        TimelineEntry detected = rows().get(0);
        FxTests.fx(() -> model.context(detected.event(), Duration.ofMinutes(60)));
        FxTests.until("the context is shown with the event revealed", () -> model.revealProperty().get() != null
                && !model.countingProperty().get());
        assertEquals("", model.queryProperty().get());
        assertEquals(1, model.chips().size());
        assertTrue(model.chips().get(0).label().startsWith("Context of event " + detected.id()),
                model.chips().get(0).label());
        List<TimelineEntry> rows = rows();
        int revealed = model.revealProperty().get();
        assertEquals(detected.id(), rows.get(revealed).id(), "the revealed row is the event");
        assertTrue(rows.size() > 1, "its neighbours in time are there too");
        FxTests.fx(() -> model.back());
        settle();
        assertEquals("is:detected AND Computer:WS02.corp.example", model.queryProperty().get());
    }

    @Test
    void eventsByIdSortingAndATimeRange() {
        List<TimelineEntry> all = rows();
        FxTests.fx(() -> model.showEvents("three events", List.of(all.get(0).id(), all.get(5).id(),
                all.get(9).id())));
        settle();
        assertEquals(3, model.countProperty().get());

        FxTests.fx(() -> model.chips().clear());
        FxTests.fx(() -> model.sortBy(new Sort("Computer", true)));
        settle();
        assertEquals("WS02.corp.example", rows().get(0).event().computer(), "sorted by computer, descending");
        FxTests.fx(() -> model.sortBy(null));
        settle();

        FxTests.fx(() -> model.selectTimeRange(all.get(3).event().timestamp(), all.get(6).event().timestamp()));
        settle();
        assertEquals(4, model.countProperty().get(), "both ends included");
        assertTrue(model.chips().stream().anyMatch(c -> c.key().equals(FilterChip.TIME)));
    }

    @Test
    void theColumnLayoutIsKeptInTheCase() throws Exception {
        List<ColumnLayout.Shown> layout = List.of(new ColumnLayout.Shown(Columns.byId("time").orElseThrow(), 300),
                new ColumnLayout.Shown(ColumnSpec.field("ParentCommandLine"), 420));
        FxTests.fx(() -> model.saveLayout(layout));
        FxTests.until("the layout is written", () -> {
            try {
                return new org.sigmascope.caseview.CaseMeta(session.store()).get(ColumnLayout.KEY).isPresent();
            } catch (java.io.IOException e) {
                return false;
            }
        });
        FxTests.fx(() -> model.open(null));
        FxTests.fx(() -> model.open(session));
        settle();
        FxTests.until("the layout is read back", () -> model.layoutProperty().get().size() == 2);
        assertEquals("field:ParentCommandLine", model.layoutProperty().get().get(1).spec().id());
        assertEquals(420, model.layoutProperty().get().get(1).width());
        assertEquals("ParentCommandLine", model.layoutProperty().get().get(1).spec().fields().get(0));
    }

    @Test
    void aSavedSearchComesBackWithItsChips() {
        ColumnSpec computer = Columns.byId("computer").orElseThrow();
        FxTests.fx(() -> {
            model.queryProperty().set("EventID:4688");
            model.filterColumn(computer, List.of("WS02.corp.example"), false);
        });
        settle();
        FxTests.fx(() -> model.saveSearch("ws02 starts"));
        List<org.sigmascope.store.SavedSearches.Search> found = new java.util.concurrent.CopyOnWriteArrayList<>();
        FxTests.until("the search is saved", () -> {
            model.savedSearches(list -> {
                found.clear();
                found.addAll(list);
            });
            return !found.isEmpty();
        });
        assertEquals("(EventID:4688) AND (Computer:\"WS02.corp.example\")", found.get(0).query());
        FxTests.fx(() -> model.runSearch(found.get(0)));
        settle();
        assertEquals(5, model.countProperty().get(), "WS02's five process starts (Security 4688)");
        assertTrue(model.chips().isEmpty(), "the saved query holds the chips");
    }
}
