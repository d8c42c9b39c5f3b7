package org.sigmascope.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.correlation.CorrelationCondition;
import org.sigmascope.sigma.correlation.CorrelationType;
import org.sigmascope.sigma.correlation.Timespan;

/**
 * A loaded, checked correlation rule (Sigma specification 2.1, "Correlation rules"): it fires on a group of
 * matches of other rules (or of other correlations) that meet its condition within its timespan. Its references
 * are resolved when the rule set loads: every entry of {@link #rules()} names a loaded rule or correlation.
 *
 * @param info      what its hits show about it (its level, author …)
 * @param name      its unique {@code name}, or {@code null}
 * @param type      what it measures
 * @param rules     the ids or names of the rules and correlations it refers to, as written, in order
 * @param groupBy   the fields (or aliases) whose values must be the same in every match of a hit; empty for one
 *                  group
 * @param timespan  how close in time the matches of a window must be
 * @param aliases   alias → (rule id or name → the field that rule's events hold the value in)
 * @param condition when it fires
 * @param generate  whether the rules it refers to also report their matches on their own
 * @param yaml      its YAML document as written
 * @param line      the line its document starts at in {@link RuleInfo#path()}
 * @param metadata  what else it says about itself
 */
public record SigmaCorrelation(RuleInfo info, String name, CorrelationType type, List<String> rules,
                               List<String> groupBy, Timespan timespan, Map<String, Map<String, String>> aliases,
                               CorrelationCondition condition, boolean generate, String yaml, int line,
                               RuleMetadata metadata) implements SigmaDocument {
    public SigmaCorrelation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        aliases.forEach((alias, fields) -> copy.put(alias, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
        aliases = Collections.unmodifiableMap(copy);
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String title() {
        return info.title();
    }

    @Override
    public String path() {
        return info.path();
    }

    /** Whether this document is the one a reference (an id or a name) names. */
    public boolean isNamed(String reference) {
        return reference.equals(id()) || reference.equals(name);
    }

    /** The same correlation with other rule information (the product its rules share, found when linking). */
    public SigmaCorrelation withInfo(RuleInfo newInfo) {
        return new SigmaCorrelation(newInfo, name, type, rules, groupBy, timespan, aliases, condition, generate, yaml,
                line, metadata);
    }
}
