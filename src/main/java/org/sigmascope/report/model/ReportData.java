package org.sigmascope.report.model;

import java.time.Instant;
import java.util.List;

import org.sigmascope.model.Detection;

/**
 * Everything a report can show. Fill it from a case (the case store and its process trees) or from a one-shot
 * scan; the writers choose what to show through {@link ReportOptions}.
 *
 * <p>Detections keep their {@link Detection#event() event} (with its fields) and
 * {@link Detection#match() explanation}; correlation hits carry the ids of the events behind them in
 * {@link Detection#correlation()}. Each detection's {@code event().sourceId()} names one of {@link #evidence()} by
 * its id. Order does not matter anywhere: writers sort.
 *
 * @param caseDetails what case this is
 * @param exportedAt  when the report is made: the only value that changes between two exports of the same case
 * @param tool        the software that made the findings
 * @param rules       the rules that were run
 * @param evidence    every evidence source, read or not
 * @param detections  the detections (of every level: the level threshold is an option)
 * @param processes   process tree nodes; empty when no tree was built
 * @param tagged      events the analyst tagged or annotated
 */
public record ReportData(CaseDetails caseDetails, Instant exportedAt, ToolInfo tool, RuleSetIdentity rules,
                         List<EvidenceSource> evidence, List<Detection> detections, List<ProcessNode> processes,
                         List<TaggedEvent> tagged) {
    public ReportData {
        evidence = List.copyOf(evidence);
        detections = List.copyOf(detections);
        processes = List.copyOf(processes);
        tagged = List.copyOf(tagged);
    }

    /** The display path of a source id, or {@code ""}. */
    public String sourceName(int sourceId) {
        for (EvidenceSource source : evidence) {
            if (source.id() == sourceId) {
                return source.path();
            }
        }
        return "";
    }
}
