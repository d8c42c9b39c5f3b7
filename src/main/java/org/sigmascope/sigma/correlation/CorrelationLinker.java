package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaDocument;
import org.sigmascope.sigma.SigmaRule;

/**
 * Checks the references of correlation rules once every document is loaded: each entry of {@code rules} and each
 * rule an alias names must be a loaded rule or correlation, and no correlation may refer to itself, directly or
 * through others. A correlation that fails is reported as {@code path:line: why} and left out, and so is every
 * correlation that refers to it. The correlations that pass take the product their rules share (for reports).
 */
public final class CorrelationLinker {
    /** The correlations that passed, and why the others did not. */
    public record Result(List<SigmaCorrelation> correlations, List<Diagnostic> failures) {
    }

    private final Map<String, SigmaRule> rules = new HashMap<>();
    private final Map<String, SigmaCorrelation> correlations = new HashMap<>();

    private CorrelationLinker(List<SigmaRule> ruleList, List<SigmaCorrelation> correlationList) {
        for (SigmaRule rule : ruleList) {
            rules.putIfAbsent(rule.id(), rule);
            if (rule.name() != null) {
                rules.putIfAbsent(rule.name(), rule);
            }
        }
        for (SigmaCorrelation correlation : correlationList) {
            correlations.putIfAbsent(correlation.id(), correlation);
            if (correlation.name() != null) {
                correlations.putIfAbsent(correlation.name(), correlation);
            }
        }
    }

    public static Result link(List<SigmaRule> rules, List<SigmaCorrelation> correlations) {
        return new CorrelationLinker(rules, correlations).link(correlations);
    }

    private Result link(List<SigmaCorrelation> all) {
        Map<SigmaCorrelation, String> failed = new LinkedHashMap<>();
        for (SigmaCorrelation correlation : all) {
            problem(correlation).ifPresent(why -> failed.put(correlation, why));
        }
        for (SigmaCorrelation correlation : all) {
            if (!failed.containsKey(correlation)) {
                cycle(correlation).ifPresent(why -> failed.put(correlation, why));
            }
        }
        // A correlation that refers to one that failed cannot work either; repeat until nothing more fails.
        boolean more = true;
        while (more) {
            more = false;
            for (SigmaCorrelation correlation : all) {
                if (failed.containsKey(correlation)) {
                    continue;
                }
                for (String reference : correlation.rules()) {
                    SigmaCorrelation inner = rules.containsKey(reference) ? null : correlations.get(reference);
                    if (inner != null && failed.containsKey(inner)) {
                        failed.put(correlation, "it refers to the correlation '" + reference + "', which did not load");
                        more = true;
                        break;
                    }
                }
            }
        }
        List<SigmaCorrelation> linked = new ArrayList<>();
        List<Diagnostic> failures = new ArrayList<>();
        for (SigmaCorrelation correlation : all) {
            String why = failed.get(correlation);
            if (why != null) {
                failures.add(Diagnostic.errorAtLine(correlation.path(), correlation.line(),
                        "correlation '" + correlation.title() + "': " + why));
            } else {
                linked.add(correlation.withInfo(withProduct(correlation.info(), product(correlation))));
            }
        }
        return new Result(linked, failures);
    }

    /** The document a reference names: a rule first (as pySigma looks rules up), then a correlation. */
    private SigmaDocument resolve(String reference) {
        SigmaRule rule = rules.get(reference);
        return rule != null ? rule : correlations.get(reference);
    }

    private Optional<String> problem(SigmaCorrelation correlation) {
        Set<SigmaDocument> referenced = new HashSet<>();
        for (String reference : correlation.rules()) {
            SigmaDocument document = resolve(reference);
            if (document == null) {
                return Optional.of("it refers to '" + reference + "', which is not a loaded rule or correlation");
            }
            if (document == correlation) {
                return Optional.of("it refers to itself");
            }
            referenced.add(document);
        }
        for (Map.Entry<String, Map<String, String>> alias : correlation.aliases().entrySet()) {
            for (String reference : alias.getValue().keySet()) {
                if (!referenced.contains(resolve(reference))) {
                    return Optional.of("the alias '" + alias.getKey() + "' names '" + reference
                            + "', which is not one of the rules the correlation refers to");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> cycle(SigmaCorrelation correlation) {
        List<String> path = pathBack(correlation, correlation, new HashSet<>());
        if (path == null) {
            return Optional.empty();
        }
        String self = correlation.name() != null ? correlation.name() : correlation.id();
        return Optional.of("it refers to itself through " + self + " → " + String.join(" → ", path));
    }

    /** The references that lead from {@code current} back to {@code target}, or {@code null} when none do. */
    private List<String> pathBack(SigmaCorrelation current, SigmaCorrelation target, Set<SigmaCorrelation> visited) {
        for (String reference : current.rules()) {
            if (resolve(reference) instanceof SigmaCorrelation inner) {
                if (inner == target) {
                    return new ArrayList<>(List.of(reference));
                }
                if (visited.add(inner)) {
                    List<String> path = pathBack(inner, target, visited);
                    if (path != null) {
                        path.add(0, reference);
                        return path;
                    }
                }
            }
        }
        return null;
    }

    /** The product every rule under the correlation shares, or {@code ""}. */
    private String product(SigmaCorrelation correlation) {
        Set<String> products = new HashSet<>();
        collectProducts(correlation, products, new HashSet<>());
        return products.size() == 1 ? products.iterator().next() : "";
    }

    private void collectProducts(SigmaCorrelation correlation, Set<String> products, Set<SigmaCorrelation> seen) {
        if (!seen.add(correlation)) {
            return;
        }
        for (String reference : correlation.rules()) {
            SigmaDocument document = resolve(reference);
            if (document instanceof SigmaRule rule) {
                products.add(rule.info().product());
            } else if (document instanceof SigmaCorrelation inner) {
                collectProducts(inner, products, seen);
            }
        }
    }

    private static RuleInfo withProduct(RuleInfo info, String product) {
        return new RuleInfo(info.id(), info.title(), info.level(), info.status(), info.author(), info.description(),
                info.references(), info.tags(), info.license(), info.path(), product);
    }
}
