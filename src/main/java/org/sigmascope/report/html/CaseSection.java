package org.sigmascope.report.html;

import java.util.List;

import org.sigmascope.report.Times;
import org.sigmascope.report.model.CaseDetails;

/** The case: what it is, who examined it, and the span of the findings. */
final class CaseSection {
    private CaseSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        CaseDetails c = view.data.caseDetails();
        Parts.facts(out, List.of(
                "Case", c.name(),
                "Reference", c.reference(),
                "Examiner", c.examiner(),
                "Organisation", c.organisation(),
                "Opened", Times.format(c.opened(), view.options.zone()),
                "Report exported", Times.format(view.data.exportedAt(), view.options.zone()),
                "Times shown in", Times.zoneName(view.options.zone()),
                "Level threshold", view.options.minLevel().sigmaName() + " and above",
                "First detection", Times.format(view.first(), view.options.zone()),
                "Last detection", Times.format(view.last(), view.options.zone()),
                "Description", c.description()));
    }
}
