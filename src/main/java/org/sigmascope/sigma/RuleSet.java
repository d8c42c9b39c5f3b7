package org.sigmascope.sigma;

import java.util.List;
import java.util.Optional;

import org.sigmascope.model.Diagnostic;

/**
 * The rules that loaded, the meta filters (already applied to the rules), and a diagnostic for each rule that did
 * not load.
 *
 * @param rules    loaded rules, in a stable order (sources in the order given, files by path, then position in
 *                 the file), filters applied
 * @param filters  the meta filters that loaded
 * @param failures one diagnostic per rule, filter or file that could not be loaded, as {@code path:line: message}
 * @param warnings   doubtful points of rules that loaded anyway (a malformed date, an unknown level …), and
 *                   filters that named rules not loaded
 * @param duplicates documents not loaded because an earlier one had the same id or name, which is used instead
 */
public record RuleSet(List<SigmaRule> rules, List<SigmaFilter> filters, List<Diagnostic> failures,
                      List<Diagnostic> warnings, List<Diagnostic> duplicates) {
    public RuleSet {
        rules = List.copyOf(rules);
        filters = List.copyOf(filters);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        duplicates = List.copyOf(duplicates);
    }

    public RuleSet(List<SigmaRule> rules, List<Diagnostic> failures) {
        this(rules, List.of(), failures, List.of(), List.of());
    }

    /** The rule with this id or name (how filters and correlations refer to rules). */
    public Optional<SigmaRule> find(String reference) {
        return rules.stream().filter(r -> reference.equals(r.id()) || reference.equals(r.name())).findFirst();
    }
}
