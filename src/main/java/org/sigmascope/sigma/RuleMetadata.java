package org.sigmascope.sigma;

import java.util.List;

/**
 * What a rule says about itself beyond what detections carry ({@link org.sigmascope.model.RuleInfo}).
 *
 * @param date           when it was written ({@code YYYY-MM-DD}), or {@code ""}
 * @param modified       when it was last changed, or {@code ""}
 * @param related        rules it derives from, replaces or resembles
 * @param falsepositives known false positives
 * @param fields         fields worth showing with a detection
 * @param scope          where the rule applies ({@code server}, {@code workstation} …)
 */
public record RuleMetadata(String date, String modified, List<Related> related, List<String> falsepositives,
                           List<String> fields, List<String> scope) {
    public static final RuleMetadata NONE = new RuleMetadata("", "", List.of(), List.of(), List.of(), List.of());

    public RuleMetadata {
        related = List.copyOf(related);
        falsepositives = List.copyOf(falsepositives);
        fields = List.copyOf(fields);
        scope = List.copyOf(scope);
    }

    /** A {@code related} entry: {@code type} is derived, obsolete, merged, renamed or similar. */
    public record Related(String id, String type) {
    }
}
