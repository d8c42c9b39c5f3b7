package org.sigmascope.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.correlation.DocumentHashes;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.RuleTable;

/**
 * The rules a case is scanned with, identified by content: each rule by its id and the SHA-256 of its YAML
 * document, the set by its size and a hash over those pairs. Makes an engine for the whole set or for a part of it
 * (a re-scan matches only the rules that changed).
 *
 * <p>Correlation rules are identified the same way, their hash also covering the hashes of the rules they refer to
 * (a changed base rule changes their hits). A rule that only feeds correlations ({@code generate} not true) is
 * hashed with that fact, and its engines leave its matches out, so they are never stored as detections.
 *
 * @param rules   the loaded rules
 * @param engines makes an engine for a set of rules (the reference engine, or a faster one)
 * @param mapping the logsource mapping the engines match through (correlations read group-by fields through it)
 */
public record CaseRules(RuleSet rules, Function<RuleSet, RuleEngine> engines, LogsourceMapping mapping) {

    /** Rules whose engines match through the built-in logsource mapping. */
    public CaseRules(RuleSet rules, Function<RuleSet, RuleEngine> engines) {
        this(rules, engines, LogsourceMapping.builtin());
    }

    /** The rules with the compiled engine (the one scans use) and a logsource mapping. */
    public static CaseRules compiled(RuleSet rules, LogsourceMapping mapping) {
        return new CaseRules(rules, set -> new CompiledEngine(set, mapping), mapping);
    }

    /** The rules with the reference engine and a logsource mapping. */
    public static CaseRules reference(RuleSet rules, LogsourceMapping mapping) {
        return new CaseRules(rules, set -> new ReferenceEngine(set, mapping), mapping);
    }

    /** The correlation rules, ready to run. */
    public CorrelationPlan correlations() {
        return CorrelationPlan.of(rules, mapping);
    }

    /** Rule id → SHA-256 of its YAML document, in rule order, then each correlation's ({@link DocumentHashes}). */
    public Map<String, String> hashes() {
        return DocumentHashes.of(rules, correlations());
    }

    /** The identity of the whole set: a SHA-256 over its sorted {@code id:hash} pairs. */
    public String setHash() {
        List<String> pairs = new ArrayList<>();
        hashes().forEach((id, hash) -> pairs.add(id + ":" + hash));
        pairs.sort(null);
        return DocumentHashes.sha256(String.join("\n", pairs));
    }

    /** An engine for every rule; matches of rules that only feed correlations are left out. */
    public RuleEngine engine() {
        return alone(engines.apply(rules), correlations().silenced());
    }

    /** An engine for the rules of these ids only (correlation ids are ignored), as {@link #engine()} reports. */
    public RuleEngine engineFor(Set<String> ids) {
        return alone(engines.apply(new RuleSet(rules.rules().stream().filter(r -> ids.contains(r.id())).toList(),
                List.of())), correlations().silenced());
    }

    /** An engine for the rules correlations need, with every match (for a correlation pass). */
    public RuleEngine baseEngine() {
        Set<String> ids = correlations().baseRuleIds();
        return engines.apply(new RuleSet(rules.rules().stream().filter(r -> ids.contains(r.id())).toList(),
                List.of()));
    }

    private static RuleEngine alone(RuleEngine engine, Set<String> silenced) {
        if (silenced.isEmpty()) {
            return engine;
        }
        return (event, sink) -> engine.match(event, detection -> {
            if (!silenced.contains(detection.rule().id())) {
                sink.accept(detection);
            }
        });
    }

    /** The ids of the correlation rules. */
    public List<String> correlationIds() {
        return rules.correlations().stream().map(SigmaCorrelation::id).toList();
    }

    /** The rules (and correlations) of these ids as the case records them. */
    public List<RuleTable.StoredRule> stored(Set<String> ids) {
        Map<String, String> hashes = hashes();
        List<RuleInfo> infos = new ArrayList<>();
        rules.rules().forEach(rule -> infos.add(rule.info()));
        rules.correlations().forEach(correlation -> infos.add(correlation.info()));
        return infos.stream().filter(info -> ids.contains(info.id()))
                .map(info -> new RuleTable.StoredRule(info, hashes.get(info.id()))).toList();
    }
}
