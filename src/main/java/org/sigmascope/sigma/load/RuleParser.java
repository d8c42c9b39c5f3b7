package org.sigmascope.sigma.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleMetadata;
import org.sigmascope.sigma.SigmaRule;

/** Turns one YAML document into a {@link SigmaRule}, or says on which line and why it cannot. */
public final class RuleParser {
    private RuleParser() {
    }

    public static SigmaRule parse(YamlDocument document, String path) throws RuleException {
        return parse(document, path, Placeholders.NONE, new Metadata(document, path));
    }

    static SigmaRule parse(YamlDocument document, String path, Placeholders placeholders, Metadata metadata)
            throws RuleException {
        Map<?, ?> root = root(document);
        String title = requiredText(root, "title", document);
        Logsource logsource = logsource(root, document);
        if (!(root.get("detection") instanceof Map<?, ?> detection)) {
            throw new RuleException(document.lineOf("detection"), "the rule has no 'detection' mapping");
        }
        DetectionParser.Detection parsed = new DetectionParser(document, "detection", placeholders, metadata)
                .parse(detection, Set.of("condition"));
        RuleMetadata described = metadata.read(root);
        RuleInfo info = new RuleInfo(
                text(root, "id", title), title,
                Level.parse(text(root, "level", null)).orElse(Level.MEDIUM),
                text(root, "status", ""), textOrList(root.get("author")), text(root, "description", ""),
                Metadata.strings(root.get("references")), Metadata.strings(root.get("tags")), text(root, "license", ""),
                path, logsource.product());
        return new SigmaRule(info, text(root, "name", null), logsource, parsed.identifiers(), parsed.condition(),
                document.text(), document.line(), described, List.of());
    }

    static Map<?, ?> root(YamlDocument document) throws RuleException {
        if (!(document.root() instanceof Map<?, ?> root)) {
            throw new RuleException(document.line(), "a rule must be a YAML mapping");
        }
        return root;
    }

    static Logsource logsource(Map<?, ?> root, YamlDocument document) throws RuleException {
        if (!(root.get("logsource") instanceof Map<?, ?> logsource)) {
            throw new RuleException(document.lineOf("logsource"), "the document has no 'logsource' mapping");
        }
        return new Logsource(text(logsource, "product", null), text(logsource, "category", null),
                text(logsource, "service", null));
    }

    static String requiredText(Map<?, ?> root, String key, YamlDocument document) throws RuleException {
        String value = text(root, key, null);
        if (value == null || value.isBlank()) {
            throw new RuleException(document.lineOf(key), "the document has no '" + key + "'");
        }
        return value;
    }

    static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null || DetectionParser.isContainer(value) ? fallback : value.toString();
    }

    private static String textOrList(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }
}
