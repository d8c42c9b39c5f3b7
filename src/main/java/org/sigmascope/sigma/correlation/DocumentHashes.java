package org.sigmascope.sigma.correlation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaRule;

/**
 * The identity of each rule and correlation of a set: the SHA-256 of its YAML document, with what changes what it
 * reports. A rule that only feeds correlations ({@code generate} not true) is hashed with that fact (it reports
 * nothing alone); a correlation's hash also covers the hashes of the rules it refers to (a changed base rule
 * changes its hits). Cases record these to know what a re-scan must redo, and reports show them, so the two agree.
 */
public final class DocumentHashes {
    private static final String ONLY_WITHIN = "\n# reported only within correlations\n";

    private DocumentHashes() {
    }

    /** Rule id → hash, in rule order, then each correlation's. */
    public static Map<String, String> of(RuleSet rules, CorrelationPlan plan) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (SigmaRule rule : rules.rules()) {
            String text = rule.yaml() == null ? rule.info().toString() : rule.yaml();
            hashes.put(rule.id(), sha256(plan.reportsAlone(rule.id()) ? text : text + ONLY_WITHIN));
        }
        for (SigmaCorrelation correlation : plan.correlations()) {
            StringBuilder text = new StringBuilder(correlation.yaml());
            for (String reference : correlation.rules()) {
                String id = rules.find(reference).map(SigmaRule::id).orElseGet(() -> rules
                        .findCorrelation(reference).map(SigmaCorrelation::id).orElse(reference));
                text.append("\n# ").append(id).append(' ').append(hashes.get(id));
            }
            if (!plan.reportsAlone(correlation.id())) {
                text.append(ONLY_WITHIN);
            }
            hashes.put(correlation.id(), sha256(text.toString()));
        }
        return hashes;
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
