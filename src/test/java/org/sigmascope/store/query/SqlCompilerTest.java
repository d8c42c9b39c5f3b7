package org.sigmascope.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;
import org.sigmascope.store.timeline.Timeline;

/**
 * What queries find in a real case (the sample story: 15 Sysmon process starts on WS01, two of them scrcons.exe
 * detected by the WMI persistence rule), and that no query text ever reaches the SQL.
 */
class SqlCompilerTest {
    @TempDir
    static Path dir;
    static CaseStore store;
    static Timeline timeline;

    @BeforeAll
    static void importSamples() throws IOException {
        store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES);
        timeline = store.timeline();
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static long count(String query) throws Exception {
        return timeline.count(timeline.filter(query));
    }

    @Test
    void fieldsColumnsAndFreeText() throws Exception {
        assertEquals(15, count(""));
        assertEquals(10, count("EventID:1"));
        assertEquals(10, count("eventid:1"));
        assertEquals(5, count("EventID:4688"));
        assertEquals(15, count("EventID:(1 OR 4688)"));
        assertEquals(3, count("Image:*\\scrcons.exe"));
        assertEquals(3, count("image:*SCRCONS.EXE"));
        assertEquals(2, count("Image:\"C:\\Windows\\System32\\wbem\\scrcons.exe\""));
        assertEquals(0, count("Image:\"*scrcons.exe\""));
        assertEquals(3, count("Image:/scrcons\\.exe$/"));
        assertEquals(0, count("Image:/SCRCONS\\.exe$/"));
        assertEquals(3, count("Image:/SCRCONS\\.exe$/i"));
        assertEquals(10, count("Computer:WS01.corp.example"));
        assertEquals(5, count("host:ws02*"));
        assertEquals(1, count("NewProcessName:*\\scrcons.exe"));
        assertEquals(1, count("newprocessname:*\\SCRCONS.exe"));
        assertEquals(10, count("Image:*"));
        assertEquals(10, count("EventID:[1 TO 1]"));
        assertEquals(5, count("EventID:>1"));
        assertEquals(15, count("EventID:>=1"));
        assertEquals(10, count("EventID:0x1"));
        assertEquals(10, count("EventID:?"));
        assertEquals(10, count("Level:4"));
        assertEquals(5, count("level:0"));
    }

    /** Free text is found in any field, ignoring case: the same events a plain search of their text finds. */
    @Test
    void freeTextSearchesEveryField() throws Exception {
        for (String word : List.of("scrcons", "SVCHOST", "C:\\Windows\\System32", "bob", "\"-enc", "svchost.EXE",
                "(x)|.*", "[a-z]+")) {
            long expected = store.events(0, 100).stream().filter(e -> e.fields().asMap().values().stream()
                    .anyMatch(v -> v != null && org.sigmascope.model.Fields.textOf(v).toLowerCase(java.util.Locale.ROOT)
                            .contains(word.toLowerCase(java.util.Locale.ROOT)))).count();
            assertEquals(expected, count("\"" + word.replace("\"", "\"\"") + "\""), word);
            assertTrue(expected > 0 || word.startsWith("\"") || word.contains("x)") || word.contains("[a"), word);
        }
        assertEquals(count("scrcons"), count("scr*ons"));
        assertEquals(count("scrcons"), count("scr?ons"));
        assertEquals(0, count("scr?ns"));
    }

    @Test
    void booleansAndNotKeepEventsWithoutTheField() throws Exception {
        assertEquals(12, count("NOT Image:*scrcons.exe"));
        assertEquals(15, count("Image:*scrcons.exe OR NOT Image:*scrcons.exe"));
        assertEquals(0, count("Image:*scrcons.exe AND NOT scrcons"));
        assertEquals(15, count("NOT NoSuchThing") + count("NoSuchThing"));
        assertEquals(15, count("NOT TargetFilename:x"));
    }

    @Test
    void detectionsLevelsRulesAndAnnotations() throws Exception {
        assertEquals(2, count("level:medium"));
        assertEquals(2, count("level:>=low"));
        assertEquals(0, count("level:>=high"));
        assertEquals(2, count("level:*"));
        assertEquals(2, count("is:detected"));
        assertEquals(2, count("rule:\"WMI Persistence - Script Event Consumer\""));
        assertEquals(2, count("rule:*wmi*"));
        assertEquals(10, count("level:4"));
        long first = timeline.page(timeline.filter("Image:*scrcons.exe"),
                org.sigmascope.store.timeline.Sort.byTime(), null, 1).rows().get(0).event().id();
        store.annotations().tag(first, "lateral movement");
        store.annotations().star(first, true);
        store.annotations().addNote(first, "payload ran from the WMI consumer");
        assertEquals(1, count("tag:\"lateral movement\""));
        assertEquals(1, count("tag:lateral*"));
        assertEquals(1, count("is:starred"));
        assertEquals(1, count("is:noted AND note:*WMI*"));
        assertEquals(15, count("source:*process-starts.jsonl"));
    }

    @Test
    void timesCompareAsTheSpanTheyName() throws Exception {
        assertEquals(15, count("time:2024-03-11"));
        assertEquals(15, count("time:2024-03"));
        assertEquals(0, count("time:2024-03-12"));
        assertEquals(3, count("time:2024-03-11T08:00"));
        assertEquals(1, count("time:2024-03-11T08:00:01.12"));
        assertEquals(1, count("time:\"2024-03-11 08:00:01.1200000Z\""));
        assertEquals(15, count("time:[2024-03-11 TO 2024-03-11]"));
        assertEquals(0, count("time:>2024-03-11"));
        assertEquals(15, count("time:<=2024-03-11"));
        assertEquals(3, count("time:<2024-03-11T08:01"));
        assertEquals(3, count("time:<2024-03-11T10:01+02:00"));
        assertEquals(10, count("time:<2024-03-11T11"));
    }

    @Test
    void compileErrorsSayWhere() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> count("Image:x AND EventID:abc"));
        assertEquals(20, e.position());
        e = assertThrows(QuerySyntaxException.class, () -> count("time:yesterday"));
        assertEquals(5, e.position());
        e = assertThrows(QuerySyntaxException.class, () -> count("x AND NoSuchField:1"));
        assertEquals(6, e.position());
        e = assertThrows(QuerySyntaxException.class, () -> count("level:severe"));
        assertTrue(e.problem().contains("not a level"));
        e = assertThrows(QuerySyntaxException.class, () -> count("is:interesting"));
        assertEquals(3, e.position());
        e = assertThrows(QuerySyntaxException.class, () -> count("time:/2024/"));
        assertEquals(5, e.position());
    }

    /** Classic SQL injection payloads, everywhere a query can hold text: none reaches the SQL, none runs. */
    @Test
    void injectionPayloadsAreOnlyEverValues() throws Exception {
        List<String> payloads = List.of("'; DROP TABLE events; --", "\" OR 1=1 --", "') OR ('1'='1",
                "1); DELETE FROM sources; --", "x' UNION SELECT * FROM rules --", "%' OR '%'='",
                "\\'; ATTACH 'evil.db' AS evil; --", "$$; COPY events TO '/tmp/x'; $$", "*/ DROP TABLE rules /*");
        long events = store.eventCount();
        long detections = store.detectionCount();
        long first = timeline.page(timeline.filter(""), org.sigmascope.store.timeline.Sort.byTime(), null, 1)
                .rows().get(0).event().id();
        for (String payload : payloads) {
            store.annotations().tag(first, payload);
            String quoted = "\"" + payload.replace("\"", "\"\"") + "\"";
            for (String query : List.of("Image:" + quoted, quoted, "tag:" + quoted, "CommandLine:" + quoted,
                    "Computer:" + quoted, "rule:" + quoted, "source:" + quoted, "note:" + quoted,
                    "Image:/" + payload.replace("/", "\\/") + "/", "Image:[" + quoted + " TO " + quoted + "]",
                    "Image:>" + quoted)) {
                SqlFilter filter;
                try {
                    filter = timeline.filter(query);
                } catch (QuerySyntaxException e) {
                    continue; // refused is as safe as bound
                }
                assertFalse(filter.sql().contains(payload.strip()), filter.sql());
                for (String word : List.of("DROP", "DELETE", "UNION", "ATTACH", "COPY", "1=1", "--", "/*")) {
                    assertFalse(filter.sql().contains(word), query + " → " + filter.sql());
                }
                try {
                    timeline.count(filter);
                } catch (IOException e) {
                    // An invalid regular expression is an error from DuckDB, not an injection.
                    assertTrue(query.startsWith("Image:/") && e.getMessage().contains("Invalid Input"),
                            e.getMessage());
                }
            }
            assertEquals(1, count("tag:\"" + payload.replace("\"", "\"\"") + "\""), payload);
        }
        assertEquals(events, store.eventCount());
        assertEquals(detections, store.detectionCount());
        assertEquals(1, store.sources().size());
        assertEquals(2, store.detections(0, 10).size());
    }
}
