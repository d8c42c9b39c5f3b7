package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/** A real DuckDB case file: evidence imported, closed, reopened, and read by a plain JDBC client. */
class CaseStoreTest {
    @TempDir
    Path dir;

    @Test
    void importedEvidenceSurvivesReopening() throws IOException, SQLException {
        Path caseFile = dir.resolve("case.duckdb");
        CaseRules engine = CaseRules.reference(RuleLoader.load(List.of(BuiltinRules.source())),
                LogsourceMapping.builtin());
        try (CaseStore store = CaseStore.open(caseFile)) {
            ScanSummary summary = CaseScan.run(store, List.of(Path.of("samples/wmi-persistence")), engine,
                    CaseScan.Options.defaults(), Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            assertEquals(15, summary.events());
            assertEquals(2, summary.detections());
        }
        try (CaseStore store = CaseStore.open(caseFile)) {
            assertEquals(15, store.eventCount());
            List<Detection> detections = store.detections(0, 100);
            assertEquals(2, detections.size());
            Detection first = detections.get(0);
            assertEquals("WMI Persistence - Script Event Consumer", first.rule().title());
            assertEquals("Thomas Patzke", first.rule().author());
            assertEquals("C:\\Windows\\System32\\wbem\\scrcons.exe", first.event().fields().get("Image"));
            assertEquals("Image", first.match().selections().get(0).fields().get(0).field());
            List<SourceRow> sources = store.sources();
            assertEquals(1, sources.size());
            assertEquals(SourceStatus.COMPLETE, sources.get(0).status());
            assertEquals(15, sources.get(0).committedEvents());
            assertEquals(64, sources.get(0).sha256().length());
            List<Event> events = store.events(0, 3);
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(Event::id).toList());
            assertEquals(16, store.nextEventId());
        }
        // Any DuckDB client can read the case.
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + caseFile);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM events WHERE json_extract_string(fields, '$.Image') LIKE '%scrcons.exe'")) {
            assertTrue(rows.next());
            assertEquals(3, rows.getInt(1));
        }
    }
}
