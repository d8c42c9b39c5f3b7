package org.sigmascope.report;

import java.util.ArrayList;
import java.util.List;

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
}
