package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.SigmaFilter;

/**
 * Turns a meta filter document ({@code filter:} with {@code rules}, search identifiers and one
 * {@code condition}) into a {@link SigmaFilter}, following pySigma ({@code sigma/filters.py}): {@code rules} is
 * {@code any} (or {@code all}, or an empty list) for every rule of the logsource, or rule ids and names.
 */
final class FilterParser {
    private FilterParser() {
    }

    static SigmaFilter parse(YamlDocument document, String path, Placeholders placeholders, Metadata metadata)
            throws RuleException {
        Map<?, ?> root = RuleParser.root(document);
        String title = RuleParser.requiredText(root, "title", document);
        Logsource logsource = RuleParser.logsource(root, document);
        if (!(root.get("filter") instanceof Map<?, ?> body)) {
            throw new RuleException(document.lineOf("filter"), "the filter's 'filter' must be a mapping");
        }
        if (!(body.get("condition") instanceof String)) {
            throw new RuleException(document.lineOf("filter", "condition"),
                    "a filter needs exactly one 'condition', a string");
        }
        List<String> rules = rules(body, document);
        DetectionParser.Detection parsed = new DetectionParser(document, "filter", placeholders, metadata)
                .parse(body, Set.of("condition", "rules"));
        metadata.read(root);
        return new SigmaFilter(RuleParser.text(root, "id", title), RuleParser.text(root, "name", null), title,
                logsource, rules, parsed.identifiers(), parsed.condition(), path, document.line());
    }

    private static List<String> rules(Map<?, ?> body, YamlDocument document) throws RuleException {
        int line = document.lineOf("filter", "rules");
        Object value = body.get("rules");
        if (value == null && !body.containsKey("rules")) {
            throw new RuleException(line, "a filter needs 'rules': 'any', or the ids or names of the rules it applies to");
        }
        if (value instanceof String s) {
            return s.equalsIgnoreCase("any") || s.equalsIgnoreCase("all") ? List.of() : List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> references = new ArrayList<>();
            for (Object item : list) {
                if (item == null || DetectionParser.isContainer(item)) {
                    throw new RuleException(line, "each entry of 'rules' must be a rule id or name");
                }
                references.add(item.toString());
            }
            return references;
        }
        throw new RuleException(line, "'rules' must be 'any', a rule id or name, or a list of them");
    }
}
