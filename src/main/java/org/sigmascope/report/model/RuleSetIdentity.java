package org.sigmascope.report.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.correlation.DocumentHashes;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/**
 * Which rules were run: enough to tell two rule sets apart and to check that a colleague runs the same ones.
 *
 * <p>The hash is the SHA-256 of a manifest with one line per loaded rule and correlation rule, sorted: the
 * SHA-256 of the rule's YAML document as written, two spaces, and the rule's id — the shape of a {@code sha256sum}
 * listing. So the hash changes when any rule's text changes, or a rule is added or removed, and not when the same
 * rules are loaded in another order or from another folder (a colleague's copy of the same rules has the same
 * hash).
 *
 * @param loaded   rules loaded
 * @param failed   rules or files that failed to load
 * @param sha256   the manifest's SHA-256, lower-case hex
 * @param sources  the rule sources as given (folders or files, {@code builtin:} for the built-in rules)
 * @param ruleHashes each rule's document hash, by rule id (for the attribution of the rules that fired)
 */
public record RuleSetIdentity(int loaded, int failed, String sha256, List<String> sources,
                              List<RuleHash> ruleHashes) {
    public RuleSetIdentity {
        sources = List.copyOf(sources);
        ruleHashes = List.copyOf(ruleHashes);
    }

    /**
     * One rule's identity.
     *
     * @param ruleId   the rule's id
     * @param location {@code path:line} where its document starts
     * @param sha256   the SHA-256 of its YAML document, as a case records it ({@link DocumentHashes})
     */
    public record RuleHash(String ruleId, String location, String sha256) {
    }

    /** The identity of a loaded rule set. */
    public static RuleSetIdentity of(RuleSet rules, List<String> sources) {
        // Hashed as a case records them, so a report of a case and one of a scan with the same rules agree.
        Map<String, String> documents = DocumentHashes.of(rules, CorrelationPlan.of(rules, LogsourceMapping.builtin()));
        List<RuleHash> hashes = new ArrayList<>();
        for (SigmaRule rule : rules.rules()) {
            hashes.add(new RuleHash(rule.id(), rule.info().path() + ":" + rule.line(), documents.get(rule.id())));
        }
        for (SigmaCorrelation correlation : rules.correlations()) {
            hashes.add(new RuleHash(correlation.id(), correlation.path() + ":" + correlation.line(),
                    documents.get(correlation.id())));
        }
        hashes.sort(Comparator.comparing(RuleHash::location).thenComparing(RuleHash::ruleId));
        return new RuleSetIdentity(rules.rules().size() + rules.correlations().size(), rules.failures().size(),
                manifestHash(hashes), sources, hashes);
    }

    /** The manifest that {@link #sha256()} hashes, one {@code hash  rule-id} line per rule. */
    public static String manifest(List<RuleHash> hashes) {
        List<String> lines = new ArrayList<>();
        for (RuleHash hash : hashes) {
            lines.add(hash.sha256() + "  " + hash.ruleId() + "\n");
        }
        lines.sort(Comparator.naturalOrder());
        return String.join("", lines);
    }

    static String manifestHash(List<RuleHash> hashes) {
        return Sha256.hex(manifest(hashes).getBytes(StandardCharsets.UTF_8));
    }

    /** The document hash of a rule, or {@code ""} when the rule is not in this set. */
    public String hashOf(String ruleId) {
        for (RuleHash hash : ruleHashes) {
            if (hash.ruleId().equals(ruleId)) {
                return hash.sha256();
            }
        }
        return "";
    }
}
