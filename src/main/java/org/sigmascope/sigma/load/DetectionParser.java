package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.condition.ConditionException;
import org.sigmascope.sigma.condition.ConditionParser;
import org.sigmascope.sigma.condition.OfResolver;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.SearchIdentifier;
import org.sigmascope.sigma.eval.ConditionEvaluator;
import org.sigmascope.sigma.modifier.ModifierChain;
import org.sigmascope.sigma.modifier.ModifierException;

/**
 * Reads the search identifiers and condition of a rule's {@code detection} (or a filter's {@code filter}), saying on
 * which line and why when it cannot.
 */
final class DetectionParser {
    /** A detection's search identifiers and its condition. */
    record Detection(Map<String, SearchIdentifier> identifiers, Condition condition) {
    }

    private final YamlDocument document;
    private final String section;
    private final Placeholders placeholders;
    private final Metadata metadata;
    /** Identifiers whose values use a placeholder left empty by Sigmascope's defaults, with the line and name. */
    private final Map<String, Map.Entry<Integer, String>> emptyDefaults = new LinkedHashMap<>();

    DetectionParser(YamlDocument document, String section, Placeholders placeholders, Metadata metadata) {
        this.document = document;
        this.section = section;
        this.placeholders = placeholders;
        this.metadata = metadata;
    }

    /**
     * @param body     the detection mapping
     * @param reserved keys of the mapping that are not search identifiers ({@code condition}, a filter's
     *                 {@code rules})
     */
    Detection parse(Map<?, ?> body, Set<String> reserved) throws RuleException {
        if (body.containsKey("timeframe")) {
            throw new RuleException(document.lineOf(section, "timeframe"), "'timeframe' inside detection is "
                    + "deprecated Sigma 1 syntax and not supported: rewrite the rule as a Sigma correlation rule");
        }
        Map<String, SearchIdentifier> identifiers = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : body.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!reserved.contains(name)) {
                identifiers.put(name, identifier(name, entry.getValue()));
            }
        }
        Condition condition = condition(body.get("condition"), identifiers);
        checkEmptyDefaults(condition);
        return new Detection(identifiers, condition);
    }

    /**
     * A placeholder left empty by Sigmascope's defaults matches nothing. In an exclusion that is safe (the rule fires
     * more, never less) and is only warned about; in a selection the rule could never fire, so it is refused.
     */
    private void checkEmptyDefaults(Condition condition) throws RuleException {
        Set<String> positive = new java.util.HashSet<>();
        ConditionEvaluator.collectPositive(condition, false, positive);
        for (Map.Entry<String, Map.Entry<Integer, String>> use : emptyDefaults.entrySet()) {
            int line = use.getValue().getKey();
            String name = use.getValue().getValue();
            if (positive.contains(use.getKey())) {
                throw new RuleException(line, "the placeholder %" + name + "% has no value: this rule needs a "
                        + "placeholders file (--placeholders FILE) that defines it");
            }
            metadata.warnAt(line, "the exclusion '" + use.getKey() + "' uses %" + name + "%, which has no value: "
                    + "it never applies until a placeholders file (--placeholders FILE) lists yours");
        }
    }

    /** Notes the identifier's use of placeholders that only have an empty default. */
    private void noteEmptyDefaults(String identifier, List<String> modifiers, Object value, int line) {
        if (!modifiers.contains("expand")) {
            return;
        }
        for (Object item : value instanceof List<?> list ? list : java.util.Collections.singletonList(value)) {
            if (item instanceof String text) {
                for (String name : placeholders.emptyDefaultsIn(text)) {
                    emptyDefaults.putIfAbsent(identifier, Map.entry(line, name));
                }
            }
        }
    }

    private SearchIdentifier identifier(String name, Object value) throws RuleException {
        int line = document.lineOf(section, name);
        if (!name.matches("[A-Za-z0-9_-]+")) {
            // SigmaHQ has a few ('filter_main_mdadm.conf'); a condition cannot name them, an 'x of' pattern can.
            metadata.warnAt(line, "the search identifier '" + name + "' holds characters other than letters, "
                    + "digits, '_' and '-': only an 'x of' pattern can use it");
        }
        List<List<FieldCondition>> alternatives = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            alternatives.add(fieldConditions(name, map, List.of(section, name)));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                alternatives.add(fieldConditions(name, (Map<?, ?>) list.get(i),
                        List.of(section, name, Integer.toString(i))));
            }
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().noneMatch(DetectionParser::isContainer)) {
            alternatives.add(List.of(keywords(List.of(), list, line)));
        } else if (value != null && !isContainer(value)) {
            alternatives.add(List.of(keywords(List.of(), value, line)));
        } else {
            throw new RuleException(line, "the search identifier '" + name
                    + "' must be a mapping, a list of mappings, or a list of keywords");
        }
        return new SearchIdentifier(name, alternatives);
    }

    private List<FieldCondition> fieldConditions(String identifier, Map<?, ?> map, List<String> path)
            throws RuleException {
        List<FieldCondition> conditions = new ArrayList<>();
        if (map.isEmpty()) {
            throw new RuleException(document.lineOf(path.toArray(String[]::new)), "the search identifier '"
                    + identifier + "' has an empty mapping");
        }
        for (Map.Entry<?, ?> item : map.entrySet()) {
            String key = String.valueOf(item.getKey());
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(key);
            int line = document.lineOf(keyPath.toArray(String[]::new));
            Object value = item.getValue();
            if (isContainer(value) && !(value instanceof List<?> list && list.stream().noneMatch(DetectionParser::isContainer))) {
                throw new RuleException(line, "the value of '" + key + "' in '" + identifier
                        + "' must be a value or a list of values, not a mapping");
            }
            if (value instanceof List<?> list && list.isEmpty()) {
                throw new RuleException(line, "the value list of '" + key + "' in '" + identifier + "' is empty");
            }
            if (value instanceof List<?> list && list.size() > 1 && list.contains(null)) {
                throw new RuleException(line, "'" + key + "' in '" + identifier + "': null cannot stand in a list "
                        + "of values; write a separate selection for it");
            }
            String[] parts = key.split("\\|", -1);
            String field = parts[0];
            List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
            noteEmptyDefaults(identifier, modifiers, value, line);
            if (field.isEmpty()) {
                conditions.add(keywords(modifiers, value, line));
                continue;
            }
            try {
                conditions.add(ModifierChain.compile(field, modifiers, value, placeholders));
            } catch (ModifierException e) {
                throw new RuleException(line, "'" + key + "': " + e.getMessage());
            }
        }
        return conditions;
    }

    /** Keywords search the whole event: each is found anywhere in any field's value, as full-text search does. */
    private FieldCondition keywords(List<String> modifiers, Object values, int line) throws RuleException {
        try {
            return ModifierChain.compile(null, modifiers, values instanceof List<?> list && list.size() == 1
                    && !modifiers.contains("all") ? list.get(0) : values, placeholders);
        } catch (ModifierException e) {
            throw new RuleException(line, "keywords: " + e.getMessage());
        }
    }

    private Condition condition(Object value, Map<String, SearchIdentifier> identifiers) throws RuleException {
        int line = document.lineOf(section, "condition");
        List<String> texts = new ArrayList<>();
        if (value instanceof String s) {
            texts.add(s);
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof String)) {
            list.forEach(v -> texts.add((String) v));
        } else {
            throw new RuleException(line, "the " + section + " has no 'condition' (a string or a list of strings)");
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

    static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof List;
    }
}
