package org.sigmascope.sigma;

import java.util.List;

import org.sigmascope.model.Diagnostic;

/**
 * The rules that loaded, and a diagnostic for each rule that did not.
 *
 * @param rules    loaded rules, in a stable order (by file path, then position in the file)
 * @param failures one diagnostic per rule or file that could not be loaded, as {@code path:line: message}
 */
public record RuleSet(List<SigmaRule> rules, List<Diagnostic> failures) {
    public RuleSet {
        rules = List.copyOf(rules);
        failures = List.copyOf(failures);
    }
}
