package org.sigmascope.sigma;

import java.util.List;
import java.util.Optional;

import org.sigmascope.model.Diagnostic;

/**
 * The rules that loaded, the meta filters (already applied to the rules), the correlation rules (their references
 * resolved), and a diagnostic for each document that did not load.
 *
 * @param rules        loaded rules, in a stable order (sources in the order given, files by path, then position in
 *                     the file), filters applied
 * @param filters      the meta filters that loaded
 * @param failures     one diagnostic per rule, filter, correlation or file that could not be loaded, as
 *                     {@code path:line: message}
 * @param warnings     doubtful points of rules that loaded anyway (a malformed date, an unknown level …), and
 *                     filters that named rules not loaded
 * @param duplicates   documents not loaded because an earlier one had the same id or name, which is used instead
 * @param correlations loaded correlation rules, in the same stable order; each refers only to loaded rules and
 *                     correlations
 */
public record RuleSet(List<SigmaRule> rules, List<SigmaFilter> filters, List<Diagnostic> failures,
                      List<Diagnostic> warnings, List<Diagnostic> duplicates, List<SigmaCorrelation> correlations) {
    public RuleSet {
        rules = List.copyOf(rules);
        filters = List.copyOf(filters);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        duplicates = List.copyOf(duplicates);
        correlations = List.copyOf(correlations);
    }

    /** A rule set without correlations. */
    public RuleSet(List<SigmaRule> rules, List<SigmaFilter> filters, List<Diagnostic> failures,
                   List<Diagnostic> warnings, List<Diagnostic> duplicates) {
        this(rules, filters, failures, warnings, duplicates, List.of());
    }

    public RuleSet(List<SigmaRule> rules, List<Diagnostic> failures) {
        this(rules, List.of(), failures, List.of(), List.of());
    }

    /** The rule with this id or name (how filters and correlations refer to rules). */
    public Optional<SigmaRule> find(String reference) {
        return rules.stream().filter(r -> reference.equals(r.id()) || reference.equals(r.name())).findFirst();
    }

    /** The correlation rule with this id or name. */
    public Optional<SigmaCorrelation> findCorrelation(String reference) {
        return correlations.stream().filter(c -> c.isNamed(reference)).findFirst();
    }

    /** The same rule set with other failures (a rule library that could not be listed, say). */
    public RuleSet withFailures(List<Diagnostic> newFailures) {
        return new RuleSet(rules, filters, newFailures, warnings, duplicates, correlations);
    }
}
