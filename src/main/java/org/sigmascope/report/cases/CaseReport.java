package org.sigmascope.report.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.sigmascope.caseview.StoredCaseDetails;
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
     * @param given      what the analyst says about the case; what is left empty comes from the details kept in the
     *                   case ({@link StoredCaseDetails}, entered in the app), the name then from the case file's
     *                   name, the description from the notes on the whole case
     * @param exportedAt when the report is made
     * @param trees      whether to build process trees (reads the case's process events once)
     */
    public static ReportData read(CaseStore store, CaseDetails given, Instant exportedAt, boolean trees)
            throws IOException {
        List<Detection> detections = CaseDetections.read(store);
        CaseDetails stored = StoredCaseDetails.read(store);
        String description = or(given.description(), stored.description());
        CaseDetails details = new CaseDetails(or(given.name(), stored.name()), or(given.reference(),
                stored.reference()), or(given.examiner(), stored.examiner()), or(given.organisation(),
                stored.organisation()), description.isEmpty() ? CaseTagged.caseNotes(store) : description,
                opened(store));
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

    private static String or(String given, String stored) {
        return given.isEmpty() ? stored : given;
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
