package org.sigmascope.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * A meta filter (Sigma 2.x {@code filter} document): conditions ANDed to the condition of the rules it names, for
 * rules whose logsource it fits. An exclusion is written {@code condition: not selection} (pySigma's semantics).
 *
 * @param id          the filter's id, or its title when it has none
 * @param name        its unique name, or {@code null}
 * @param title       its title
 * @param logsource   the logsource it applies to: each field it sets must equal the rule's
 * @param rules       the ids or names of the rules it applies to; empty when it applies to any rule
 * @param identifiers its search identifiers
 * @param condition   its condition, resolved against its own identifiers
 * @param path        the file it came from
 * @param line        the line its document starts at
 */
public record SigmaFilter(String id, String name, String title, Logsource logsource, List<String> rules,
                          Map<String, SearchIdentifier> identifiers, Condition condition, String path, int line)
        implements SigmaDocument {
    public SigmaFilter {
        rules = List.copyOf(rules);
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    }

    /** Whether the filter applies to every rule of its logsource ({@code rules: any}). */
    public boolean appliesToAnyRule() {
        return rules.isEmpty();
    }

    /** Whether a rule's logsource fits this filter's: every field the filter sets equals the rule's. */
    public boolean fits(Logsource ruleLogsource) {
        return (logsource.product() == null || logsource.product().equals(ruleLogsource.product()))
                && (logsource.category() == null || logsource.category().equals(ruleLogsource.category()))
                && (logsource.service() == null || logsource.service().equals(ruleLogsource.service()));
    }
}
