package org.sigmascope.report.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ToolInfo;
import org.sigmascope.store.AuditLog;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlFilter;

/**
 * Fills {@link ReportData} from an opened case: its evidence with hashes and figures, the rule set its detections
 * reflect, every detection with its explanation and event, the process trees of the processes with detections,
 * and the events the analyst tagged, starred or annotated with their notes. Only reads: open the case read-only.
 * Everything is read in a total order, so the same case gives the same data, and the writers the same bytes.
 */
public final class CaseReport {
    private CaseReport() {
    }

    /**
     * Reads the report data of a case.
     *
     * @param given      what the analyst says about the case (an empty name takes the case file's name, an empty
     *                   description the notes on the whole case)
     * @param exportedAt when the report is made
     * @param trees      whether to build process trees (reads the case's process events once)
     */
    public static ReportData read(CaseStore store, CaseDetails given, Instant exportedAt, boolean trees)
            throws IOException {
        List<Detection> detections = CaseDetections.read(store);
        CaseDetails details = new CaseDetails(given.name().isEmpty() ? caseName(store) : given.name(),
                given.reference(), given.examiner(), given.organisation(),
                given.description().isEmpty() ? CaseTagged.caseNotes(store) : given.description(), opened(store));
        try {
            return new ReportData(details, exportedAt, ToolInfo.current(""), CaseRuleSet.read(store),
                    CaseEvidence.read(store), detections,
                    trees ? CaseTrees.nodes(events(store, CaseTrees.processEvents()), detections) : List.of(),
                    CaseTagged.read(store));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The case's events that a filter keeps, in time order, streamed a page at a time. */
    public static CaseEvents events(CaseStore store, SqlFilter filter) {
        return new CaseEvents(store.db(), filter);
    }

    /** The case file's name without {@code .duckdb}. */
    static String caseName(CaseStore store) {
        String name = store.file().getFileName().toString();
        return name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
    }

    /** When the case was created, from its audit log, or {@code null}. */
    private static Instant opened(CaseStore store) throws IOException {
        for (AuditLog.Entry entry : store.audit().entries()) {
            if (entry.action().equals("case_created")) {
                return entry.at();
            }
        }
        return null;
    }
}
