package org.sigmascope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.diagnostics.RuleStatus;

/** How rule diagnostics are printed by {@code rules check} and summed up by {@code scan}. */
final class RuleReport {
    private RuleReport() {
    }

    /** One line per rule that cannot fire: {@code path:line: cannot fire: reason (title)}. */
    static void printCannotFire(PrintWriter out, List<RuleStatus> statuses) {
        for (RuleStatus status : statuses) {
            if (status.state() == RuleStatus.State.CANNOT_FIRE) {
                out.println(status.location() + ": cannot fire: " + status.reason() + " (" + status.title() + ")");
            }
        }
    }

    /** One line per loaded rule that can fire, and one per warning of any loaded rule. */
    static void printLoaded(PrintWriter out, List<RuleStatus> statuses) {
        for (RuleStatus status : statuses) {
            if (status.state() == RuleStatus.State.LOADED) {
                out.println(status.location() + ": loaded: " + status.title()
                        + (status.product().isEmpty() ? "" : " [" + status.product() + "]"));
            }
            for (String warning : status.warnings()) {
                out.println(status.path() + ": warning: " + warning);
            }
        }
    }

    /** A sentence on the rules that cannot fire, or {@code null} when all can. */
    static String cannotFireSummary(List<RuleStatus> statuses, boolean onEvidence) {
        Map<RuleStatus.Cause, Integer> counts = RuleDiagnostics.countByCause(statuses);
        int unmapped = counts.get(RuleStatus.Cause.UNMAPPED_LOGSOURCE);
        int noEvents = counts.get(RuleStatus.Cause.NO_EVENTS);
        int missing = counts.get(RuleStatus.Cause.MISSING_FIELDS);
        int total = unmapped + noEvents + missing;
        if (total == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder().append(total).append(" rules cannot fire")
                .append(onEvidence ? " on this evidence (" : " (");
        String separator = "";
        if (noEvents > 0) {
            text.append(noEvents).append(" without events of their logsource");
            separator = ", ";
        }
        if (missing > 0) {
            text.append(separator).append(missing).append(" needing fields or event ids these events lack");
            separator = ", ";
        }
        if (unmapped > 0) {
            text.append(separator).append(unmapped).append(" of a logsource no event log records");
        }
        return text.append(')').toString();
    }
}
