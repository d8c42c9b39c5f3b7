package org.sigmascope.report.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.caseview.CaseMeta;
import org.sigmascope.caseview.StoredCaseDetails;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;

/**
 * The details an analyst enters in the app are kept in the case, so a report of the case made anywhere shows them;
 * what the command line is given explicitly wins.
 */
class CaseDetailsInReportTest {
    @TempDir
    Path dir;

    @Test
    void theDetailsKeptInTheCaseFillWhatTheExportIsNotGiven() throws IOException {
        Path file = dir.resolve("acme-intrusion.duckdb");
        try (CaseStore store = TestCases.imported(file, TestCases.SAMPLES)) {
            CaseMeta meta = new CaseMeta(store);
            meta.put(StoredCaseDetails.NAME, "ACME WS01 intrusion");
            meta.put(StoredCaseDetails.REFERENCE, "IR-2026-017");
            meta.put(StoredCaseDetails.EXAMINER, "A. Analyst");
        }
        try (CaseStore store = CaseStore.openReadOnly(file)) {
            CaseDetails stored = CaseReport.read(store, CaseDetails.named(""), Instant.EPOCH, false).caseDetails();
            assertEquals("ACME WS01 intrusion", stored.name());
            assertEquals("IR-2026-017", stored.reference());
            assertEquals("A. Analyst", stored.examiner());
            assertEquals("", stored.organisation());

            CaseDetails given = CaseReport.read(store, new CaseDetails("", "IR-2026-018", "", "Contoso", "", null),
                    Instant.EPOCH, false).caseDetails();
            assertEquals("ACME WS01 intrusion", given.name());
            assertEquals("IR-2026-018", given.reference());
            assertEquals("Contoso", given.organisation());
        }
    }

    @Test
    void withoutDetailsTheCaseIsNamedAfterItsFile() throws IOException {
        Path file = dir.resolve("acme-intrusion.duckdb");
        TestCases.imported(file, TestCases.SAMPLES).close();
        try (CaseStore store = CaseStore.openReadOnly(file)) {
            assertEquals("acme-intrusion", CaseReport.read(store, CaseDetails.named(""), Instant.EPOCH, false)
                    .caseDetails().name());
        }
    }
}
