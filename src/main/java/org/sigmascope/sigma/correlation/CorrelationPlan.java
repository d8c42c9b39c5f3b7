package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaDocument;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * The correlation rules of a rule set, ready to run over the matches a {@link org.sigmascope.sigma.eval.RuleEngine}
 * gives: which rules they need, which rules report their matches on their own ({@code generate}), and in which
 * order the correlations run (a correlation after those it refers to). Immutable; {@link #start} begins a run.
 *
 * <p>{@code generate}: a rule (or correlation) that correlations refer to reports its matches on its own when at
 * least one of those correlations says {@code generate: true}; otherwise (the default) it only feeds them.
 */
public final class CorrelationPlan {
    /** No correlations: every rule reports alone. */
    public static final CorrelationPlan NONE = new CorrelationPlan(List.of(), Map.of(), Map.of(), Set.of(), Map.of());

    private final List<Node> nodes;
    /** By rule id: the rule, and the correlation members that take its matches. */
    private final Map<String, RuleUses> uses;
    private final Map<SigmaRule, List<String>> neededFields;
    private final Set<String> silenced;
    private final Map<SigmaRule, List<SourceBinding>> bindings;

    /** A rule whose matches correlations take. */
    record RuleUses(SigmaRule rule, List<Node.Use> uses) {
    }

    private CorrelationPlan(List<Node> nodes, Map<String, RuleUses> uses,
                            Map<SigmaRule, List<String>> neededFields, Set<String> silenced,
                            Map<SigmaRule, List<SourceBinding>> bindings) {
        this.nodes = nodes;
        this.uses = uses;
        this.neededFields = neededFields;
        this.silenced = silenced;
        this.bindings = bindings;
    }

    /**
     * The plan of a rule set's correlations; {@code mapping} is the logsource mapping the rules are matched through,
     * so that group-by fields are read from each event as its rule sees it (Security 4688's {@code NewProcessName}
     * as {@code Image}).
     */
    public static CorrelationPlan of(RuleSet rules, LogsourceMapping mapping) {
        if (rules.correlations().isEmpty()) {
            return NONE;
        }
        Map<String, SigmaDocument> byReference = new HashMap<>();
        for (SigmaCorrelation correlation : rules.correlations()) {
            index(byReference, correlation);
        }
        for (SigmaRule rule : rules.rules()) {
            index(byReference, rule); // rules win over correlations, as the linker resolves them
        }
        Set<String> silenced = silenced(rules.correlations(), byReference);
        Map<SigmaCorrelation, Node> built = new LinkedHashMap<>();
        for (SigmaCorrelation correlation : rules.correlations()) {
            build(correlation, byReference, silenced, built);
        }
        List<Node> nodes = new ArrayList<>(built.values());
        Map<String, RuleUses> uses = new LinkedHashMap<>();
        Map<SigmaRule, Set<String>> needed = new LinkedHashMap<>();
        for (Node node : nodes) {
            for (Node.Member member : node.members) {
                Set<String> fields = new LinkedHashSet<>(member.groupFields());
                fields.addAll(member.valueFields());
                if (member.document() instanceof SigmaRule rule) {
                    uses.computeIfAbsent(rule.id(), id -> new RuleUses(rule, new ArrayList<>())).uses()
                            .add(new Node.Use(node, member));
                } else {
                    built.get((SigmaCorrelation) member.document()).consumers.add(new Node.Use(node, member));
                }
                for (SigmaRule base : baseRules(member.document(), byReference, new HashSet<>())) {
                    needed.computeIfAbsent(base, r -> new LinkedHashSet<>()).addAll(fields);
                }
            }
        }
        Map<SigmaRule, List<String>> neededFields = new HashMap<>();
        needed.forEach((rule, fields) -> neededFields.put(rule, List.copyOf(fields)));
        Map<SigmaRule, List<SourceBinding>> bindings = new HashMap<>();
        needed.keySet().forEach(rule -> bindings.put(rule, mapping.bindingsFor(rule.logsource())));
        return new CorrelationPlan(List.copyOf(nodes), uses, neededFields, Collections.unmodifiableSet(silenced),
                bindings);
    }

    private static void index(Map<String, SigmaDocument> byReference, SigmaDocument document) {
        byReference.put(document.id(), document);
        if (document.name() != null) {
            byReference.put(document.name(), document);
        }
    }

    /** The ids of rules and correlations referred to only by correlations that do not {@code generate}. */
    private static Set<String> silenced(List<SigmaCorrelation> correlations, Map<String, SigmaDocument> byReference) {
        Set<String> referenced = new HashSet<>();
        Set<String> generating = new HashSet<>();
        for (SigmaCorrelation correlation : correlations) {
            for (String reference : correlation.rules()) {
                String id = byReference.get(reference).id();
                referenced.add(id);
                if (correlation.generate()) {
                    generating.add(id);
                }
            }
        }
        referenced.removeAll(generating);
        return referenced;
    }

    /** Builds the correlation after those it refers to, so that the list is in evaluation order. */
    private static Node build(SigmaCorrelation correlation, Map<String, SigmaDocument> byReference,
                              Set<String> silenced, Map<SigmaCorrelation, Node> built) {
        Node node = built.get(correlation);
        if (node != null) {
            return node;
        }
        List<SigmaDocument> documents = new ArrayList<>();
        for (String reference : correlation.rules()) {
            SigmaDocument document = byReference.get(reference);
            if (document instanceof SigmaCorrelation inner) {
                build(inner, byReference, silenced, built); // the linker has refused cycles
            }
            documents.add(document);
        }
        node = new Node(correlation, documents, !silenced.contains(correlation.id()));
        built.put(correlation, node);
        return node;
    }

    private static Set<SigmaRule> baseRules(SigmaDocument document, Map<String, SigmaDocument> byReference,
                                            Set<SigmaDocument> seen) {
        Set<SigmaRule> rules = new LinkedHashSet<>();
        if (!seen.add(document)) {
            return rules;
        }
        if (document instanceof SigmaRule rule) {
            rules.add(rule);
        } else if (document instanceof SigmaCorrelation correlation) {
            for (String reference : correlation.rules()) {
                rules.addAll(baseRules(byReference.get(reference), byReference, seen));
            }
        }
        return rules;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Whether a rule's (or correlation's) matches are reported on their own, not only fed to correlations. */
    public boolean reportsAlone(String ruleId) {
        return !silenced.contains(ruleId);
    }

    /** The ids of the rules and correlations that only feed correlations ({@code generate} is not true). */
    public Set<String> silenced() {
        return silenced;
    }

    /** The correlations, each after those it refers to. */
    public List<SigmaCorrelation> correlations() {
        return nodes.stream().map(n -> n.correlation).toList();
    }

    /** The ids of the rules whose matches correlations need, directly or through other correlations. */
    public Set<String> baseRuleIds() {
        Set<String> ids = new LinkedHashSet<>();
        neededFields.keySet().forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    /** The kinds of events those rules see, for a reader that can skip the others (a case store query). */
    public List<SourceBinding> baseBindings() {
        List<SourceBinding> all = new ArrayList<>();
        bindings.values().forEach(all::addAll);
        return all;
    }

    /** Begins a run: offer it the engine's matches, then finish it for the hits. */
    public CorrelationRun start(RunLimits limits) {
        return new CorrelationRun(this, limits);
    }

    List<Node> nodes() {
        return nodes;
    }

    /** The rule of this id and the members that take its matches, or {@code null} when no correlation does. */
    RuleUses uses(String ruleId) {
        return uses.get(ruleId);
    }

    List<String> neededFields(SigmaRule rule) {
        return neededFields.getOrDefault(rule, List.of());
    }

    List<SourceBinding> bindings(SigmaRule rule) {
        return bindings.getOrDefault(rule, List.of());
    }
}
