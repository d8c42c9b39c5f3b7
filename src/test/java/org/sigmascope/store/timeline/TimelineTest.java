package org.sigmascope.store.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;
import org.sigmascope.store.query.SqlFilter;

/** Sorting, paging, counting, distinct values, histograms and context on a real case. */
class TimelineTest {
    @TempDir
    static Path dir;
    static CaseStore store;
    static Timeline timeline;
    static List<Event> all;

    @BeforeAll
    static void importSamples() throws Exception {
        store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES);
        timeline = store.timeline();
        all = store.events(0, 100);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    /** Every page after page, by keyset, for a sort; each page of 4. */
    private static List<Long> keysetIds(Sort sort, SqlFilter filter) throws Exception {
        List<Long> ids = new ArrayList<>();
        Cursor cursor = null;
        int pages = 0;
        do {
            Page page = timeline.page(filter, sort, cursor, 4);
            page.rows().forEach(row -> ids.add(row.event().id()));
            cursor = page.next();
            assertTrue(++pages < 100, "paging never ends");
        } while (cursor != null);
        return ids;
    }

    private static List<Long> offsetIds(Sort sort, SqlFilter filter) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (long offset = 0; ; offset += 4) {
            List<TimelineRow> rows = timeline.pageAt(filter, sort, offset, 4);
            rows.forEach(row -> ids.add(row.event().id()));
            if (rows.size() < 4) {
                return ids;
            }
        }
    }

    /** The order computed in Java: by the value (absent last), then by id, each in the sort's direction. */
    private static <T extends Comparable<T>> List<Long> expected(Function<Event, T> key, boolean descending) {
        Comparator<T> values = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        Comparator<Event> order = Comparator.comparing(key, Comparator.nullsLast(values));
        Comparator<Event> ids = Comparator.comparingLong(Event::id);
        order = order.thenComparing(descending ? ids.reversed() : ids);
        return all.stream().sorted(order).map(Event::id).toList();
    }

    @Test
    void keysetAndOffsetPagingAgreeForAnySort() throws Exception {
        SqlFilter every = SqlFilter.all();
        for (boolean descending : new boolean[] {false, true}) {
            List<List<Long>> orders = List.of(
                    expected(Event::timestamp, descending),
                    expected(Event::computer, descending),
                    expected(e -> e.eventId(), descending),
                    expected(e -> Fields.textOf(e.fields().get("ParentImage")), descending),
                    expected(e -> Fields.textOf(e.fields().get("IntegrityLevel")), descending));
            List<String> fields = List.of("time", "Computer", "EventID", "ParentImage", "IntegrityLevel");
            for (int i = 0; i < fields.size(); i++) {
                Sort sort = new Sort(fields.get(i), descending);
                assertEquals(orders.get(i), keysetIds(sort, every), "keyset " + sort);
                assertEquals(orders.get(i), offsetIds(sort, every), "offset " + sort);
            }
        }
        SqlFilter sysmon = timeline.filter("EventID:1");
        assertEquals(10, keysetIds(new Sort("Image", true), sysmon).size());
    }

    @Test
    void pagesCarryDetectionsStarsAndTags() throws Exception {
        Page page = timeline.page(timeline.filter("level:medium"), Sort.byTime(), null, 10);
        assertEquals(2, page.rows().size());
        assertNull(page.next());
        TimelineRow row = page.rows().get(0);
        assertEquals(1, row.detections());
        assertEquals("medium", row.topLevel().sigmaName());
        store.annotations().star(row.event().id(), true);
        store.annotations().tag(row.event().id(), "persistence");
        TimelineRow again = timeline.rows(List.of(row.event().id())).get(0);
        assertTrue(again.starred());
        assertEquals(List.of("persistence"), again.tags());
        assertEquals(row.event(), again.event(), "an event reads back exactly as imported");
    }

    @Test
    void distinctValuesCountEvents() throws Exception {
        ValueCount.Values computers = timeline.distinct(SqlFilter.all(), "Computer", 10);
        assertEquals(2, computers.distinct());
        assertEquals(List.of(new ValueCount("WS01.corp.example", 10), new ValueCount("WS02.corp.example", 5)),
                computers.values());
        ValueCount.Values images = timeline.distinct(timeline.filter("EventID:1"), "Image", 3);
        assertEquals(3, images.values().size());
        assertTrue(images.distinct() >= 3);
        assertEquals(List.of(new ValueCount("medium", 2)), timeline.distinct(SqlFilter.all(), "level", 10).values());
        assertEquals(List.of(new ValueCount("WMI Persistence - Script Event Consumer", 2)),
                timeline.distinct(SqlFilter.all(), "rule", 10).values());
        ValueCount.Values integrity = timeline.distinct(SqlFilter.all(), "IntegrityLevel", 10);
        assertEquals(5, integrity.values().stream().filter(v -> v.value() == null).findFirst().orElseThrow().count(),
                "events without the field are counted as a null value");
    }

    @Test
    void histogramBucketsAreRoundAndSumToTheCount() throws Exception {
        Histogram whole = timeline.histogram(SqlFilter.all(), 50);
        assertEquals(15, whole.total());
        assertEquals(Duration.ofMinutes(5), whole.width(), "4 h 6 min in 50 buckets: 5 minutes each");
        assertEquals(0, whole.start().getEpochSecond() % 300);
        assertEquals(0, whole.untimed());
        Histogram zoom = timeline.histogram(timeline.filter("Computer:WS01*"), Instant.parse("2024-03-11T08:00:00Z"),
                Instant.parse("2024-03-11T08:01:00Z"), 60);
        assertEquals(Duration.ofSeconds(1), zoom.width());
        assertEquals(3, zoom.total());
        assertEquals(1, zoom.counts()[1]);
        assertEquals(2, zoom.counts()[2]);
    }

    @Test
    void contextShowsEveryHostAroundAnEvent() throws Exception {
        Event detected = timeline.page(timeline.filter("Computer:WS02* AND level:medium"), Sort.byTime(), null, 1)
                .rows().get(0).event();
        List<TimelineRow> around = timeline.context(detected.id(), Duration.ofHours(1), Duration.ofHours(1), 100,
                SqlFilter.all());
        List<Long> expected = all.stream().filter(e -> Math.abs(Duration.between(e.timestamp(),
                detected.timestamp()).toSeconds()) <= 3600).map(Event::id).toList();
        assertEquals(expected, around.stream().map(r -> r.event().id()).toList());
        assertTrue(around.stream().anyMatch(r -> r.event().computer().startsWith("WS01")), "other hosts too");
        List<TimelineRow> narrow = timeline.context(detected.id(), Duration.ofHours(1), Duration.ofHours(1), 3,
                SqlFilter.all());
        assertEquals(3, narrow.size());
        assertEquals(detected.id(), narrow.get(1).event().id(), "the event in the middle");
        assertTrue(Objects.equals(narrow.get(0).event().timestamp().isBefore(detected.timestamp()), true));
    }
}
