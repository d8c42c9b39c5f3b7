package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.sigma.SigmaFilter;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * Applies meta filters to rules with pySigma's semantics: a filter applies to each rule it names (by id or name,
 * or every rule with {@code rules: any}) whose logsource fits the filter's, and the rule's condition becomes
 * {@code (rule condition) and (filter condition)}. The filter's identifiers join the rule's, renamed
 * {@code <filter id>/<identifier>} so they cannot clash with the rule's own and explanations say where they come
 * from.
 */
final class FilterApplier {
    record Result(List<SigmaRule> rules, List<Diagnostic> warnings) {
    }

    private FilterApplier() {
    }

    static Result apply(List<SigmaRule> rules, List<SigmaFilter> filters) {
        List<Diagnostic> warnings = new ArrayList<>();
        List<SigmaRule> filtered = new ArrayList<>(rules);
        for (SigmaFilter filter : filters) {
            Set<String> unmatched = new HashSet<>(filter.rules());
            for (int i = 0; i < filtered.size(); i++) {
                SigmaRule rule = filtered.get(i);
                boolean named = filter.appliesToAnyRule() || filter.rules().contains(rule.id())
                        || (rule.name() != null && filter.rules().contains(rule.name()));
                if (named) {
                    unmatched.remove(rule.id());
                    unmatched.remove(rule.name());
                }
                if (named && filter.fits(rule.logsource())) {
                    filtered.set(i, applyTo(rule, filter));
                }
            }
            for (String reference : filter.rules()) {
                if (unmatched.contains(reference)) {
                    warnings.add(Diagnostic.warningAtLine(filter.path(), filter.line(), "the filter names the rule "
                            + reference + ", which is not loaded"));
                }
            }
        }
        return new Result(filtered, warnings);
    }

    private static SigmaRule applyTo(SigmaRule rule, SigmaFilter filter) {
        String prefix = filter.id() + "/";
        Map<String, SearchIdentifier> renamed = new LinkedHashMap<>();
        filter.identifiers().forEach((name, identifier) ->
                renamed.put(prefix + name, new SearchIdentifier(prefix + name, identifier.alternatives())));
        return rule.withFilter(renamed, rename(filter.condition(), prefix),
                filter.path() + ":" + filter.line() + " (" + filter.title() + ")");
    }

    private static Condition rename(Condition condition, String prefix) {
        if (condition instanceof Condition.Identifier id) {
            return new Condition.Identifier(prefix + id.name());
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(rename(not.operand(), prefix));
        }
        if (condition instanceof Condition.And and) {
            return new Condition.And(and.operands().stream().map(c -> rename(c, prefix)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return new Condition.Or(or.operands().stream().map(c -> rename(c, prefix)).toList());
        }
        throw new IllegalStateException("unresolved filter condition: " + condition);
    }
}
