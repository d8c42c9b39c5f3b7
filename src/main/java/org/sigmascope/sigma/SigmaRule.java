package org.sigmascope.sigma;

import java.util.Map;

import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * A loaded, checked detection rule.
 *
 * @param info        what detections show about the rule
 * @param logsource   which events the rule applies to
 * @param identifiers the search identifiers of its detection, in the order written
 * @param condition   the condition, with {@code x of} selectors already resolved to identifiers
 * @param yaml        the rule's YAML document as written, for display
 * @param line        the line its document starts at in {@link RuleInfo#path()}
 */
public record SigmaRule(RuleInfo info, Logsource logsource, Map<String, SearchIdentifier> identifiers,
                        Condition condition, String yaml, int line) {
    public SigmaRule {
        identifiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(identifiers));
    }

    public String id() {
        return info.id();
    }

    public String title() {
        return info.title();
    }
}
