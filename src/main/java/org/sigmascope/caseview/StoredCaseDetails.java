package org.sigmascope.caseview;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.store.CaseStore;

/**
 * The case's details for reports — name, reference, examiner, organisation, description — as the analyst entered
 * them in the app, kept inside the case ({@link CaseMeta}) so that they travel with it and every report of the case,
 * from the app or from {@code sigmascope report}, shows them.
 */
public final class StoredCaseDetails {
    public static final String NAME = "case.name";
    public static final String REFERENCE = "case.reference";
    public static final String EXAMINER = "case.examiner";
    public static final String ORGANISATION = "case.organisation";
    public static final String DESCRIPTION = "case.description";

    private StoredCaseDetails() {
    }

    /** The details kept in the case; the name defaults to the case file's, the opening time is the audit log's first. */
    public static CaseDetails read(CaseStore store) throws IOException {
        CaseMeta meta = new CaseMeta(store);
        String file = store.file().getFileName().toString().replaceFirst("\\.(duckdb|sigmascope)$", "");
        Instant opened = store.db().first("SELECT min(logged_at) FROM audit_log", List.of(),
                r -> r.getObject(1, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null);
        return new CaseDetails(meta.get(NAME, file), meta.get(REFERENCE, ""), meta.get(EXAMINER, ""),
                meta.get(ORGANISATION, ""), meta.get(DESCRIPTION, ""), opened);
    }
}
