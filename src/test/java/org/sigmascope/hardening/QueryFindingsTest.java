package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.timeline.Timeline;

/**
 * What fuzzing the query language found (docs/reliability.md, findings 5 and 6), as plain cases: times beyond what
 * 64 bits of nanoseconds hold, and regular expressions DuckDB's RE2 refuses, are handled when the query is compiled.
 */
class QueryFindingsTest {
    @TempDir
    Path dir;

    @Test
    void farTimesCompareAsTheEarliestOrLatestThereIs() throws Exception {
        try (CaseStore store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES)) {
            Timeline timeline = store.timeline();
            long all = store.eventCount();
            assertEquals(all, timeline.count(timeline.filter("time:[2024-01-01 TO 8024-12-31]")));
            assertEquals(all, timeline.count(timeline.filter("time:[0224-01-01 TO 2024-12-31]")));
            assertEquals(0, timeline.count(timeline.filter("time:>9999-01-01")));
            assertEquals(all, timeline.count(timeline.filter("time:>0001-01-01")));
        }
    }

    @Test
    void badRegularExpressionsAreSyntaxErrorsWithAPosition() throws Exception {
        try (CaseStore store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES)) {
            Timeline timeline = store.timeline();
            QuerySyntaxException unclosed = assertThrows(QuerySyntaxException.class,
                    () -> timeline.filter("CommandLine:/.*(m-enc .*/"));
            assertTrue(unclosed.problem().contains("not a valid regular expression"), unclosed.problem());
            assertTrue(unclosed.position() > "CommandLine:".length(), "points into the expression");
            for (String re2Gap : new String[] {"Image:/a(?=b)/", "Image:/(a)\\1/", "Image:/a*+/"}) {
                QuerySyntaxException gap = assertThrows(QuerySyntaxException.class, () -> timeline.filter(re2Gap));
                assertTrue(gap.problem().contains("RE2"), gap.problem());
            }
            assertTrue(timeline.count(timeline.filter("Image:/.*scrcons\\.exe$/i")) > 0, "a good one still runs");
        }
    }
}
