package org.sigmascope.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.scan.CaseScan;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;

/**
 * Re-checks a case's evidence against what was recorded when it was imported: each source's file is hashed again
 * (SHA-256, read-only) and compared with the case's {@code sources.sha256}. This is the "has anything changed since"
 * an analyst is asked in court; it reads the case only, so it runs on a case opened read-only.
 */
public final class EvidenceVerifier {
    private EvidenceVerifier() {
    }

    /** Checks every source of the case, in source order. */
    public static List<EvidenceCheck> verify(CaseStore store) throws IOException {
        List<EvidenceCheck> checks = new ArrayList<>();
        for (SourceRow source : store.sources()) {
            checks.add(check(source));
        }
        return checks;
    }

    static EvidenceCheck check(SourceRow source) {
        if (source.sha256() == null || source.sha256().isEmpty()) {
            return new EvidenceCheck(source.id(), source.path(), EvidenceCheck.Verdict.UNRECORDED, null, null,
                    "no SHA-256 was recorded: not a file on disk");
        }
        Path path = Path.of(source.path());
        if (!Files.isRegularFile(path)) {
            return new EvidenceCheck(source.id(), source.path(), EvidenceCheck.Verdict.MISSING, source.sha256(),
                    null, "the file is no longer there");
        }
        String actual;
        long size;
        try {
            size = Files.size(path);
            actual = CaseScan.sha256(path);
        } catch (IOException e) {
            return new EvidenceCheck(source.id(), source.path(), EvidenceCheck.Verdict.MISSING, source.sha256(),
                    null, "cannot read: " + e.getMessage());
        }
        if (!actual.equalsIgnoreCase(source.sha256())) {
            String sizes = size == source.size() ? "same size, " + size + " bytes"
                    : source.size() + " bytes at import, " + size + " now";
            return new EvidenceCheck(source.id(), source.path(), EvidenceCheck.Verdict.CHANGED, source.sha256(),
                    actual, "the content differs from what was imported (" + sizes + ")");
        }
        return new EvidenceCheck(source.id(), source.path(), EvidenceCheck.Verdict.INTACT, source.sha256(), actual,
                null);
    }
}
