package org.sigmascope.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.RuleTable;

/**
 * The rules a case is scanned with, identified by content: each rule by its id and the SHA-256 of its YAML
 * document, the set by its size and a hash over those pairs. Makes an engine for the whole set or for a part of it
 * (a re-scan matches only the rules that changed).
 *
 * @param rules   the loaded rules
 * @param engines makes an engine for a set of rules (the reference engine, or a faster one)
 */
public record CaseRules(RuleSet rules, Function<RuleSet, RuleEngine> engines) {

    /** The rules with the compiled engine (the one scans use) and a logsource mapping. */
    public static CaseRules compiled(RuleSet rules, LogsourceMapping mapping) {
        return new CaseRules(rules, set -> new CompiledEngine(set, mapping));
    }

    /** The rules with the reference engine and a logsource mapping. */
    public static CaseRules reference(RuleSet rules, LogsourceMapping mapping) {
        return new CaseRules(rules, set -> new ReferenceEngine(set, mapping));
    }

    /** Rule id → SHA-256 of its YAML document, in rule order. */
    public Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (SigmaRule rule : rules.rules()) {
            hashes.put(rule.id(), sha256(rule.yaml() == null ? rule.info().toString() : rule.yaml()));
        }
        return hashes;
    }

    /** The identity of the whole set: a SHA-256 over its sorted {@code id:hash} pairs. */
    public String setHash() {
        List<String> pairs = new ArrayList<>();
        hashes().forEach((id, hash) -> pairs.add(id + ":" + hash));
        pairs.sort(null);
        return sha256(String.join("\n", pairs));
    }

    public RuleEngine engine() {
        return engines.apply(rules);
    }

    /** An engine for the rules of these ids only. */
    public RuleEngine engineFor(Set<String> ids) {
        return engines.apply(new RuleSet(rules.rules().stream().filter(r -> ids.contains(r.id())).toList(),
                List.of()));
    }

    /** The rules of these ids as the case records them. */
    public List<RuleTable.StoredRule> stored(Set<String> ids) {
        Map<String, String> hashes = hashes();
        return rules.rules().stream().filter(r -> ids.contains(r.id()))
                .map(r -> new RuleTable.StoredRule(r.info(), hashes.get(r.id()))).toList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
