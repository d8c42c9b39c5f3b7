package org.sigmascope.report.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;

/**
 * Records an export in the case's audit log, as the app does: the one change an export makes to a case. The case
 * is opened for writing only for that entry, after the export was read read-only and written; when the case is
 * open in another process, or an import there seems to be running (opening for writing would mark it interrupted),
 * the entry is not made and the reason is returned, for the caller to tell the analyst.
 */
public final class ExportAudit {
    private ExportAudit() {
    }

    /** @return why the entry could not be made, or empty when it was */
    public static Optional<String> record(Path caseFile, Iterable<SourceRow> sources, Map<String, ?> detail) {
        for (SourceRow source : sources) {
            if (source.status() == SourceStatus.IMPORTING) {
                return Optional.of("an import into the case is running (or died): the case was left as it is");
            }
        }
        try (CaseStore store = CaseStore.open(caseFile)) {
            store.audit().record("export", detail);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
