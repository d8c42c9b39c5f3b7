package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.sigma.RuleMetadata;

/**
 * Reads the descriptive keys of a rule (Sigma specification 2.1, "Rule documents") and notes what is doubtful
 * about them as warnings: a rule with a malformed date still detects what it detects, so it loads.
 */
final class Metadata {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/]\\d{2}[-/]\\d{2}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
    static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Set<String> TAG_NAMESPACES = Set.of("attack", "car", "cve", "d3fend", "detection", "stp",
            "tlp");
    private static final Set<String> RELATED_TYPES = Set.of("derived", "obsolete", "merged", "renamed", "similar");

    private final YamlDocument document;
    private final String path;
    private final List<Diagnostic> warnings = new ArrayList<>();

    Metadata(YamlDocument document, String path) {
        this.document = document;
        this.path = path;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    private void warn(String key, String message) {
        warnAt(document.lineOf(key), message);
    }

    void warnAt(int line, String message) {
        warnings.add(Diagnostic.warningAtLine(path, line, message));
    }

    /** Checks the keys every Sigma document may have, and reads what a rule keeps of them. */
    RuleMetadata read(Map<?, ?> root) {
        Object id = root.get("id");
        if (id != null && !UUID.matcher(String.valueOf(id)).matches()) {
            warn("id", "the id '" + id + "' is not a UUID");
        }
        Object status = root.get("status");
        if (status != null && !STATUSES.contains(String.valueOf(status))) {
            warn("status", "unknown status '" + status + "' (known: " + String.join(", ", sorted(STATUSES)) + ")");
        }
        Object level = root.get("level");
        if (level != null && !LEVELS.contains(String.valueOf(level))) {
            warn("level", "unknown level '" + level + "'; the rule is taken as medium");
        }
        for (String key : List.of("date", "modified")) {
            Object date = root.get(key);
            if (date != null && !DATE.matcher(String.valueOf(date)).matches()) {
                warn(key, "'" + key + "' should be a date written YYYY-MM-DD, not '" + date + "'");
            }
        }
        for (String tag : strings(root.get("tags"))) {
            if (!TAG.matcher(tag).matches()) {
                warn("tags", "the tag '" + tag + "' is not written namespace.value in lower case");
            } else if (!TAG_NAMESPACES.contains(tag.substring(0, tag.indexOf('.')))) {
                warn("tags", "the tag '" + tag + "' has an unknown namespace (known: "
                        + String.join(", ", sorted(TAG_NAMESPACES)) + ")");
            }
        }
        return new RuleMetadata(text(root.get("date")), text(root.get("modified")), related(root.get("related")),
                strings(root.get("falsepositives")), strings(root.get("fields")), strings(root.get("scope")));
    }

    private List<RuleMetadata.Related> related(Object value) {
        List<RuleMetadata.Related> related = new ArrayList<>();
        if (value == null) {
            return related;
        }
        if (!(value instanceof List<?> list)) {
            warn("related", "'related' should be a list of {id, type}");
            return related;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> entry && entry.get("id") != null) {
                String type = text(entry.get("type"));
                if (!RELATED_TYPES.contains(type)) {
                    warn("related", "unknown related type '" + type + "' (known: "
                            + String.join(", ", sorted(RELATED_TYPES)) + ")");
                }
                related.add(new RuleMetadata.Related(text(entry.get("id")), type));
            } else {
                warn("related", "each 'related' entry needs an 'id' and a 'type'");
            }
        }
        return related;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? "" : value.toString();
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null && !(v instanceof Map) && !(v instanceof List))
                    .map(String::valueOf).toList();
        }
        return value == null || value instanceof Map ? List.of() : List.of(value.toString());
    }
}
