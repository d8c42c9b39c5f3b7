package org.sigmascope.report;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Match;

/** Short, one-line texts about a detection, for tables and CSV cells. */
final class DetectionSummaries {
    private DetectionSummaries() {
    }

    /** {@code Image=C:\…\scrcons.exe; ParentImage=…}: the fields that matched, with the values that did. */
    static String matched(Match match) {
        List<String> parts = new ArrayList<>();
        for (Match.SelectionHit selection : match.selections()) {
            for (Match.FieldHit hit : selection.fields()) {
                parts.add(hit.field() + "=" + hit.eventValue());
            }
        }
        return String.join("; ", parts);
    }

    /**
     * {@code temporal_ordered; Computer=WS01; events 41 44 47}: a correlation hit on one line, or {@code ""} for a
     * single-event detection.
     */
    static String correlation(Detection.CorrelationHit hit) {
        if (hit == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(hit.type());
        hit.group().forEach((field, value) -> parts.add(field + "=" + value));
        parts.add("events " + String.join(" ", hit.eventIds().stream().map(String::valueOf).toList()));
        return String.join("; ", parts);
    }
}
