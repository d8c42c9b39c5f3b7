package org.sigmascope.sigma.compiled;

import org.sigmascope.model.RuleInfo;

/**
 * What one rule cost in a scan by the compiled engine ({@code scan --rule-stats}, the app's rules view).
 *
 * @param rule        the rule
 * @param evaluations how many times its condition was evaluated (only events where a trigger held, see
 *                    docs/rules.md)
 * @param matches     how many events it matched
 * @param nanos       time spent evaluating its condition and explaining its matches, in nanoseconds; the field
 *                    scans shared by all rules are counted once, in {@link CompiledEngine.Totals}
 * @param regexGaveUp searches of its regular expressions that ran out of budget (counted once per distinct value)
 */
public record RuleStats(RuleInfo rule, long evaluations, long matches, long nanos, long regexGaveUp) {
}
