package org.sigmascope.caseview;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.EvidenceSource;
import org.sigmascope.report.model.ProcessNode;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.TaggedEvent;
import org.sigmascope.report.model.ToolInfo;
import org.sigmascope.store.Annotations;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;
import org.sigmascope.store.timeline.TimelineRow;

/**
 * Fills a {@link ReportData} from a case: its details (name, reference, examiner … kept in the case), every
 * evidence source with its figures and problems, the rule set's identity, every detection with its explanation,
 * the process trees given, and the events the analyst tagged, starred or wrote notes on.
 */
public final class CaseReport {
    /** Detections read from the case at a time. */
    private static final int PAGE = 10_000;
    private static final Pattern AT_OFFSET = Pattern.compile("(.*)@0x([0-9a-fA-F]+)");
    private static final Pattern AT_LINE = Pattern.compile("(.*):(\\d+)");

    private CaseReport() {
    }

    /** The keys of the case's details in {@link CaseMeta}. */
    public static final String NAME = "case.name";
    public static final String REFERENCE = "case.reference";
    public static final String EXAMINER = "case.examiner";
    public static final String ORGANISATION = "case.organisation";
    public static final String DESCRIPTION = "case.description";

    /** The case's details as kept in the case; the name defaults to the file's. */
    public static CaseDetails details(CaseStore store) throws IOException {
        CaseMeta meta = new CaseMeta(store);
        String file = store.file().getFileName().toString().replaceFirst("\\.(duckdb|sigmascope)$", "");
        Instant opened = store.db().first("SELECT min(logged_at) FROM audit_log", List.of(),
                r -> r.getObject(1, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null);
        return new CaseDetails(meta.get(NAME, file), meta.get(REFERENCE, ""), meta.get(EXAMINER, ""),
                meta.get(ORGANISATION, ""), meta.get(DESCRIPTION, ""), opened);
    }

    /**
     * @param rules     the identity of the rules the case was scanned with
     * @param engine    the rule engine's name
     * @param processes the process tree nodes to draw for the case's detections (an empty list for none)
     */
    public static ReportData of(CaseStore store, RuleSetIdentity rules, String engine,
                                java.util.function.Function<List<Detection>, List<ProcessNode>> processes)
            throws IOException {
        List<Detection> detections = new ArrayList<>();
        List<Detection> page;
        do {
            page = store.detections(detections.size(), PAGE);
            detections.addAll(page);
        } while (page.size() == PAGE);
        return new ReportData(details(store), Instant.now(), ToolInfo.current(engine), rules, evidence(store),
                detections, processes.apply(detections), tagged(store));
    }

    static List<EvidenceSource> evidence(CaseStore store) throws IOException {
        List<EvidenceSource> sources = new ArrayList<>();
        for (SourceRow row : store.sources()) {
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (SourceProblems.Problem problem : SourceProblems.of(store.db(), row.id())) {
                diagnostics.add(diagnostic(problem));
            }
            String error = row.status() == SourceStatus.FAILED ? diagnostics.stream().map(Diagnostic::message)
                    .findFirst().orElse("could not be read") : "";
            sources.add(new EvidenceSource(row.id(), row.displayName(), row.size(), row.sha256(), row.format(),
                    row.events(), row.failed(), row.chunksSkipped(), row.warnings(), row.recovered(), diagnostics,
                    error));
        }
        return sources;
    }

    /** A stored problem back as a diagnostic, its location split into file and offset or line. */
    static Diagnostic diagnostic(SourceProblems.Problem problem) {
        Diagnostic.Severity severity = problem.error() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
        Matcher offset = AT_OFFSET.matcher(problem.location());
        if (offset.matches()) {
            return new Diagnostic(severity, offset.group(1), Long.parseLong(offset.group(2), 16), -1,
                    problem.message());
        }
        Matcher line = AT_LINE.matcher(problem.location());
        if (line.matches()) {
            return new Diagnostic(severity, line.group(1), -1, Long.parseLong(line.group(2)), problem.message());
        }
        return new Diagnostic(severity, problem.location(), -1, -1, problem.message());
    }

    /** Events with a tag, a star or a note, in time order, each with its tags and notes. */
    static List<TaggedEvent> tagged(CaseStore store) throws IOException {
        List<Long> ids = store.db().list("SELECT e.id FROM events e WHERE e.id IN (SELECT event_id FROM tags UNION "
                + "SELECT event_id FROM stars UNION SELECT event_id FROM notes WHERE event_id IS NOT NULL) "
                + "ORDER BY e.ts, e.id", List.of(), r -> r.getLong(1));
        Set<Long> seen = new HashSet<>();
        Map<Long, TaggedEvent> tagged = new LinkedHashMap<>();
        Annotations annotations = store.annotations();
        for (int from = 0; from < ids.size(); from += PAGE) {
            for (TimelineRow row : store.timeline().rows(ids.subList(from, Math.min(ids.size(), from + PAGE)))) {
                long id = row.event().id();
                if (!seen.add(id)) {
                    continue;
                }
                List<String> tags = new ArrayList<>(row.tags());
                if (row.starred()) {
                    tags.add(0, "starred");
                }
                List<TaggedEvent.Note> notes = annotations.notes(id).stream()
                        .map(n -> new TaggedEvent.Note("", n.createdAt(), n.text())).toList();
                tagged.put(id, new TaggedEvent(row.event(), tags, notes));
            }
        }
        return List.copyOf(tagged.values());
    }
}
