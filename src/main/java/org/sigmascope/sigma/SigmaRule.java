package org.sigmascope.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * A loaded, checked detection rule.
 *
 * @param info        what detections show about the rule
 * @param name        the rule's unique {@code name} (correlations and filters may refer to it), or {@code null}
 * @param logsource   which events the rule applies to
 * @param identifiers the search identifiers of its detection, in the order written (then those of applied filters)
 * @param condition   the condition, with {@code x of} selectors already resolved to identifiers
 * @param yaml        the rule's YAML document as written, for display
 * @param line        the line its document starts at in {@link RuleInfo#path()}
 * @param metadata    what else the rule says about itself
 * @param filters     the meta filters applied to it, as {@code path:line (title)}
 */
public record SigmaRule(RuleInfo info, String name, Logsource logsource, Map<String, SearchIdentifier> identifiers,
                        Condition condition, String yaml, int line, RuleMetadata metadata, List<String> filters)
        implements SigmaDocument {
    public SigmaRule {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        filters = List.copyOf(filters);
    }

    public SigmaRule(RuleInfo info, Logsource logsource, Map<String, SearchIdentifier> identifiers,
                     Condition condition, String yaml, int line) {
        this(info, null, logsource, identifiers, condition, yaml, line, RuleMetadata.NONE, List.of());
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

    /** This rule with a filter's identifiers and condition ANDed to its own (pySigma's filter semantics). */
    public SigmaRule withFilter(Map<String, SearchIdentifier> filterIdentifiers, Condition filterCondition,
                                String filter) {
        Map<String, SearchIdentifier> merged = new LinkedHashMap<>(identifiers);
        merged.putAll(filterIdentifiers);
        List<String> applied = new java.util.ArrayList<>(filters);
        applied.add(filter);
        return new SigmaRule(info, name, logsource, merged,
                new Condition.And(List.of(condition, filterCondition)), yaml, line, metadata, applied);
    }
}
