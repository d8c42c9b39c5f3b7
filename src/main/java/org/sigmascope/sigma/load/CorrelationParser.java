package org.sigmascope.sigma.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.correlation.CorrelationCondition;
import org.sigmascope.sigma.correlation.CorrelationType;
import org.sigmascope.sigma.correlation.Threshold;
import org.sigmascope.sigma.correlation.Timespan;

/**
 * Turns a correlation document ({@code correlation:} with {@code type}, {@code rules}, {@code group-by},
 * {@code timespan}, {@code aliases}, {@code condition}, {@code generate}) into a {@link SigmaCorrelation}, or says
 * on which line and why it cannot (Sigma specification 2.1; pySigma {@code sigma/correlations.py} where the
 * specification is silent). Whether its references name loaded documents is checked once everything is loaded.
 */
final class CorrelationParser {
    private static final Set<String> KEYS = Set.of("type", "rules", "group-by", "timespan", "aliases", "condition",
            "generate");

    private final YamlDocument document;
    private final Metadata metadata;

    private CorrelationParser(YamlDocument document, Metadata metadata) {
        this.document = document;
        this.metadata = metadata;
    }

    static SigmaCorrelation parse(YamlDocument document, String path, Metadata metadata) throws RuleException {
        return new CorrelationParser(document, metadata).parse(path);
    }

    private SigmaCorrelation parse(String path) throws RuleException {
        Map<?, ?> root = RuleParser.root(document);
        String title = RuleParser.requiredText(root, "title", document);
        if (!(root.get("correlation") instanceof Map<?, ?> body)) {
            throw error("correlation", "'correlation' must be a mapping with type, rules, timespan, …");
        }
        for (Object key : body.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                metadata.warnAt(line(key.toString()), "unknown key '" + key + "' in 'correlation' is ignored");
            }
        }
        CorrelationType type = type(body);
        List<String> rules = rules(body);
        List<String> groupBy = strings(body.get("group-by"), "group-by");
        Timespan timespan = timespan(body);
        Map<String, Map<String, String>> aliases = aliases(body.get("aliases"));
        CorrelationCondition condition = condition(body.get("condition"), type, rules.size());
        boolean generate = generate(root, body);
        if (root.containsKey("detection")) {
            metadata.warnAt(document.lineOf("detection"), "a correlation's 'detection' is ignored");
        }
        return new SigmaCorrelation(RuleParser.info(root, title, path, ""), RuleParser.text(root, "name", null), type,
                rules, groupBy, timespan, aliases, condition, generate, document.text(), document.line(),
                metadata.read(root));
    }

    private int line(String key) {
        return document.lineOf("correlation", key);
    }

    private RuleException error(String key, String message) {
        return new RuleException(key.equals("correlation") ? document.lineOf(key) : line(key), message);
    }

    private CorrelationType type(Map<?, ?> body) throws RuleException {
        Object value = body.get("type");
        if (value == null) {
            throw error("type", "the correlation has no 'type' (" + CorrelationType.known() + ")");
        }
        return CorrelationType.parse(value.toString()).orElseThrow(() -> error("type", "unknown correlation type '"
                + value + "' (known: " + CorrelationType.known() + ")"));
    }

    private List<String> rules(Map<?, ?> body) throws RuleException {
        List<String> rules = strings(body.get("rules"), "rules");
        if (rules.isEmpty()) {
            throw error("rules", "the correlation needs 'rules': the ids or names of the rules it correlates");
        }
        return rules;
    }

    /** A string or a list of strings (numbers are taken as their text); absent is empty. */
    private List<String> strings(Object value, String key) throws RuleException {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                if (item == null || DetectionParser.isContainer(item)) {
                    throw error(key, "each entry of '" + key + "' must be a name, not " + (item == null ? "null"
                            : "a list or mapping"));
                }
                strings.add(item.toString());
            }
            return strings;
        }
        if (DetectionParser.isContainer(value)) {
            throw error(key, "'" + key + "' must be a name or a list of names");
        }
        return List.of(value.toString());
    }

    private Timespan timespan(Map<?, ?> body) throws RuleException {
        Object value = body.get("timespan");
        if (value == null) {
            throw error("timespan", "the correlation has no 'timespan' (such as 5m, 1h or 2d)");
        }
        try {
            return Timespan.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw error("timespan", e.getMessage());
        }
    }

    private Map<String, Map<String, String>> aliases(Object value) throws RuleException {
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        if (value == null) {
            return aliases;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("aliases", "'aliases' must map each alias to {rule name: field}");
        }
        for (Map.Entry<?, ?> alias : map.entrySet()) {
            if (!(alias.getValue() instanceof Map<?, ?> fields) || fields.isEmpty()) {
                throw error("aliases", "the alias '" + alias.getKey() + "' must map rule names to fields");
            }
            Map<String, String> byRule = new LinkedHashMap<>();
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (field.getValue() == null || DetectionParser.isContainer(field.getValue())) {
                    throw error("aliases", "the alias '" + alias.getKey() + "' must name one field for the rule '"
                            + field.getKey() + "'");
                }
                byRule.put(field.getKey().toString(), field.getValue().toString());
            }
            aliases.put(alias.getKey().toString(), byRule);
        }
        return aliases;
    }

    private boolean generate(Map<?, ?> root, Map<?, ?> body) throws RuleException {
        // The specification lists 'generate' beside 'level'; pySigma reads it inside 'correlation'. Both are read.
        Boolean outer = flag(root.get("generate"), document.lineOf("generate"));
        Boolean inner = flag(body.get("generate"), line("generate"));
        if (outer != null && inner != null && !outer.equals(inner)) {
            throw error("generate", "'generate' is given twice, as " + outer + " and as " + inner);
        }
        return outer != null ? outer : inner != null && inner;
    }

    private static Boolean flag(Object value, int line) throws RuleException {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new RuleException(line, "'generate' must be true or false, not '" + value + "'");
    }

    private CorrelationCondition condition(Object value, CorrelationType type, int rules) throws RuleException {
        if (value == null) {
            if (type.temporal()) {
                return CorrelationCondition.allOf(rules);
            }
            throw error("condition", "a " + type.sigmaName() + " correlation needs a 'condition', such as "
                    + (type.needsField() ? "{field: User, gte: 10}" : "{gte: 10}"));
        }
        if (value instanceof String) {
            throw error("condition", "a condition written as an expression of rule names is a pySigma extension, "
                    + "not Sigma 2.1, and is not supported: write a mapping such as {gte: 2}");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("condition", "'condition' must be a mapping such as {gte: 10}");
        }
        List<Threshold> thresholds = new ArrayList<>();
        List<String> fields = List.of();
        int percentile = -1;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.equals("field")) {
                fields = strings(entry.getValue(), "condition");
            } else if (key.equals("percentile")) {
                percentile = percentile(entry.getValue());
            } else {
                Threshold.Operator operator = Threshold.Operator.parse(key).orElseThrow(() -> error("condition",
                        "unknown key '" + key + "' in the condition (gt, gte, lt, lte, eq, neq, field, percentile)"));
                thresholds.add(new Threshold(operator, number(entry.getValue(), key)));
            }
        }
        if (thresholds.isEmpty()) {
            throw error("condition", "the condition needs a comparison: gt, gte, lt, lte, eq or neq (two for a range)");
        }
        if (type.needsField() && fields.isEmpty()) {
            throw error("condition", "a " + type.sigmaName() + " correlation's condition needs 'field': the field "
                    + "whose values it measures");
        }
        if (!type.needsField() && !fields.isEmpty()) {
            metadata.warnAt(line("condition"), "'field' means nothing to a " + type.sigmaName()
                    + " correlation and is ignored");
            fields = List.of();
        }
        if (type.numeric() && fields.size() > 1) {
            throw error("condition", "a " + type.sigmaName() + " correlation measures one field, not " + fields);
        }
        if (type == CorrelationType.VALUE_PERCENTILE && percentile < 0) {
            metadata.warnAt(line("condition"), "no 'percentile' given: the " + CorrelationCondition.DEFAULT_PERCENTILE
                    + "th is used, as pySigma does");
            percentile = CorrelationCondition.DEFAULT_PERCENTILE;
        } else if (type != CorrelationType.VALUE_PERCENTILE && percentile >= 0) {
            metadata.warnAt(line("condition"), "'percentile' only means something to value_percentile; ignored");
            percentile = -1;
        }
        return new CorrelationCondition(thresholds, fields, percentile);
    }

    private double number(Object value, String key) throws RuleException {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw error("condition", "'" + key + "' must be a number, not '" + value + "'");
    }

    private int percentile(Object value) throws RuleException {
        if (value instanceof Long n && n >= 0 && n <= 100) {
            return n.intValue();
        }
        throw error("condition", "'percentile' must be a whole number from 0 to 100, not '" + value + "'");
    }
}
