package org.sigmascope.report.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.report.model.EvidenceSource;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;

/**
 * The case's evidence sources as the report lists them: the SHA-256 and figures recorded at import, and the first
 * problems with their locations. An import that stopped part-way says so first, since its figures are partial.
 */
final class CaseEvidence {
    private CaseEvidence() {
    }

    static List<EvidenceSource> read(CaseStore store) throws IOException {
        Map<Integer, List<Diagnostic>> diagnostics = diagnostics(store);
        List<EvidenceSource> evidence = new ArrayList<>();
        for (SourceRow row : store.sources()) {
            List<Diagnostic> problems = new ArrayList<>();
            String error = "";
            long events = row.events();
            if (row.status() == SourceStatus.INTERRUPTED || row.status() == SourceStatus.IMPORTING) {
                events = row.committedEvents();
                problems.add(Diagnostic.warningAtOffset(row.displayName(), -1, String.format(Locale.ROOT,
                        "import %s after %,d events: the case holds only those (resume or roll it back)",
                        row.status() == SourceStatus.IMPORTING ? "still running" : "interrupted", events)));
            }
            List<Diagnostic> recorded = diagnostics.getOrDefault(row.id(), List.of());
            if (row.status() == SourceStatus.FAILED && !recorded.isEmpty()) {
                error = recorded.get(0).message();
                recorded = recorded.subList(1, recorded.size());
            } else if (row.status() == SourceStatus.FAILED) {
                error = "could not be read";
            }
            problems.addAll(recorded);
            evidence.add(new EvidenceSource(row.id(), row.displayName(), row.size(), row.sha256(), row.format(),
                    events, row.failed(), row.chunksSkipped(), row.warnings(), row.recovered(), problems, error));
        }
        return evidence;
    }

    /** The diagnostics kept with each source, as {@code {severity, location, message}} objects. */
    private static Map<Integer, List<Diagnostic>> diagnostics(CaseStore store) throws IOException {
        Map<Integer, List<Diagnostic>> bySource = new HashMap<>();
        for (Object[] row : store.db().list("SELECT id, diagnostics FROM sources WHERE diagnostics IS NOT NULL",
                List.of(), r -> new Object[] {r.getInt(1), r.getString(2)})) {
            List<Diagnostic> list = new ArrayList<>();
            for (JsonNode node : JsonCodec.MAPPER.readTree((String) row[1])) {
                Diagnostic.Severity severity = "warning".equals(node.path("severity").asText())
                        ? Diagnostic.Severity.WARNING : Diagnostic.Severity.ERROR;
                // The location was stored formatted (file:line or file@0xoffset); it is shown as it was.
                list.add(new Diagnostic(severity, node.path("location").asText(), -1, -1,
                        node.path("message").asText()));
            }
            bySource.put((Integer) row[0], list);
        }
        return bySource;
    }
}
