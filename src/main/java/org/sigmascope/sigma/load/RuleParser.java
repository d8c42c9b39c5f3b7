package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.condition.ConditionException;
import org.sigmascope.sigma.condition.ConditionParser;
import org.sigmascope.sigma.condition.OfResolver;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.SearchIdentifier;
import org.sigmascope.sigma.modifier.ModifierChain;
import org.sigmascope.sigma.modifier.ModifierException;

/** Turns one YAML document into a {@link SigmaRule}, or says on which line and why it cannot. */
public final class RuleParser {
    private RuleParser() {
    }

    public static SigmaRule parse(YamlDocument document, String path) throws RuleException {
        if (!(document.root() instanceof Map<?, ?> root)) {
            throw new RuleException(document.line(), "a rule must be a YAML mapping");
        }
        String title = requiredText(root, "title", document);
        Logsource logsource = logsource(root, document);
        if (!(root.get("detection") instanceof Map<?, ?> detection)) {
            throw new RuleException(document.lineOf("detection"), "the rule has no 'detection' mapping");
        }
        if (detection.containsKey("timeframe")) {
            throw new RuleException(document.lineOf("detection", "timeframe"), "'timeframe' inside detection is "
                    + "deprecated Sigma 1 syntax and not supported: rewrite the rule as a Sigma correlation rule");
        }
        Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : detection.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!name.equals("condition")) {
                identifiers.put(name, identifier(name, entry.getValue(), document));
            }
        }
        Condition condition = condition(detection.get("condition"), identifiers, document);
        RuleInfo info = new RuleInfo(
                text(root, "id", title), title,
                Level.parse(text(root, "level", null)).orElse(Level.MEDIUM),
                text(root, "status", ""), textOrList(root.get("author")), text(root, "description", ""),
                strings(root.get("references")), strings(root.get("tags")), text(root, "license", ""), path);
        return new SigmaRule(info, logsource, identifiers, condition, document.text(), document.line());
    }

    private static Logsource logsource(Map<?, ?> root, YamlDocument document) throws RuleException {
        if (!(root.get("logsource") instanceof Map<?, ?> logsource)) {
            throw new RuleException(document.lineOf("logsource"), "the rule has no 'logsource' mapping");
        }
        return new Logsource(text(logsource, "product", null), text(logsource, "category", null),
                text(logsource, "service", null));
    }

    private static SearchIdentifier identifier(String name, Object value, YamlDocument document) throws RuleException {
        int line = document.lineOf("detection", name);
        List<List<FieldCondition>> alternatives = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            alternatives.add(fieldConditions(name, map, document, List.of("detection", name)));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                alternatives.add(fieldConditions(name, (Map<?, ?>) list.get(i), document,
                        List.of("detection", name, Integer.toString(i))));
            }
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().noneMatch(RuleParser::isContainer)) {
            alternatives.add(List.of(keywords(List.of(), list, line)));
        } else if (value != null && !isContainer(value)) {
            alternatives.add(List.of(keywords(List.of(), List.of(value), line)));
        } else {
            throw new RuleException(line, "the search identifier '" + name
                    + "' must be a mapping, a list of mappings, or a list of keywords");
        }
        return new SearchIdentifier(name, alternatives);
    }

    private static List<FieldCondition> fieldConditions(String identifier, Map<?, ?> map, YamlDocument document,
                                                        List<String> path) throws RuleException {
        List<FieldCondition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> item : map.entrySet()) {
            String key = String.valueOf(item.getKey());
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(key);
            int line = document.lineOf(keyPath.toArray(String[]::new));
            Object value = item.getValue();
            if (isContainer(value) && !(value instanceof List<?> list && list.stream().noneMatch(RuleParser::isContainer))) {
                throw new RuleException(line, "the value of '" + key + "' in '" + identifier
                        + "' must be a value or a list of values, not a mapping");
            }
            if (value instanceof List<?> list && list.isEmpty()) {
                throw new RuleException(line, "the value list of '" + key + "' in '" + identifier + "' is empty");
            }
            String[] parts = key.split("\\|", -1);
            String field = parts[0];
            List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
            if (field.isEmpty()) {
                conditions.add(keywords(modifiers, value instanceof List<?> l ? l : List.of(value), line));
                continue;
            }
            try {
                conditions.add(ModifierChain.compile(field, modifiers, value));
            } catch (ModifierException e) {
                throw new RuleException(line, "'" + key + "': " + e.getMessage());
            }
        }
        return conditions;
    }

    /**
     * Keywords search the whole event: each is found anywhere in any field's value, as full-text search does.
     */
    private static FieldCondition keywords(List<String> modifiers, List<?> values, int line) throws RuleException {
        List<String> chain = new ArrayList<>(modifiers);
        if (!chain.contains("contains")) {
            chain.add(0, "contains");
        }
        try {
            FieldCondition compiled = ModifierChain.compile(null, chain, values.size() == 1 && !modifiers.contains("all")
                    ? values.get(0) : values);
            return new FieldCondition(null, modifiers, compiled.matchers(), compiled.all());
        } catch (ModifierException e) {
            throw new RuleException(line, "keywords: " + e.getMessage());
        }
    }

    private static Condition condition(Object value, Map<String, SearchIdentifier> identifiers, YamlDocument document)
            throws RuleException {
        int line = document.lineOf("detection", "condition");
        List<String> texts = new ArrayList<>();
        if (value instanceof String s) {
            texts.add(s);
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof String)) {
            list.forEach(v -> texts.add((String) v));
        } else {
            throw new RuleException(line, "the detection has no 'condition' (a string or a list of strings)");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String text : texts) {
            try {
                conditions.add(OfResolver.resolve(ConditionParser.parse(text), identifiers.keySet()));
            } catch (ConditionException e) {
                throw new RuleException(line, e.getMessage());
            }
        }
        // A list of conditions is the OR of its entries.
        return conditions.size() == 1 ? conditions.get(0) : new Condition.Or(conditions);
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof List;
    }

    private static String requiredText(Map<?, ?> root, String key, YamlDocument document) throws RuleException {
        String value = text(root, key, null);
        if (value == null || value.isBlank()) {
            throw new RuleException(document.lineOf(key), "the rule has no '" + key + "'");
        }
        return value;
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null || isContainer(value) ? fallback : value.toString();
    }

    private static String textOrList(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null && !isContainer(v)).map(String::valueOf).toList();
        }
        return value == null || isContainer(value) ? List.of() : List.of(value.toString());
    }
}
