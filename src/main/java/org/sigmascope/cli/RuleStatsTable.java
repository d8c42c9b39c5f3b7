package org.sigmascope.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.compiled.RuleStats;

/** {@code scan --rule-stats}: the time and matches of each rule, costliest first. */
final class RuleStatsTable {
    private RuleStatsTable() {
    }

    static void print(PrintWriter out, List<RuleStats> stats, CompiledEngine.Totals totals) {
        out.printf("Rule statistics: %,d events; field scans shared by all rules %.1f ms; rules' own evaluations "
                + "and explanations %.1f ms%n", totals.events(), totals.scanNanos() / 1e6, totals.ruleNanos() / 1e6);
        out.printf("%10s %11s %9s %7s  %s%n", "time ms", "evaluated", "matched", "re gave", "rule");
        List<RuleStats> used = stats.stream().filter(s -> s.evaluations() > 0 || s.regexGaveUp() > 0)
                .sorted(Comparator.comparingLong(RuleStats::nanos).reversed()
                        .thenComparing(Comparator.comparingLong(RuleStats::evaluations).reversed()))
                .toList();
        for (RuleStats s : used) {
            out.printf("%10.3f %,11d %,9d %7d  %s (%s) %s%n", s.nanos() / 1e6, s.evaluations(), s.matches(),
                    s.regexGaveUp(), s.rule().title(), s.rule().id(), s.rule().path());
        }
        out.printf("%,d of %,d rules were evaluated; the others had no event of their logsource, or none on which "
                + "a value they need was present%n", used.size(), stats.size());
    }
}
