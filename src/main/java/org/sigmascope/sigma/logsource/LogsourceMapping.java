package org.sigmascope.sigma.logsource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.YamlDocument;

/**
 * Which events each Sigma logsource covers, read from a YAML file users can edit ({@code rules/mappings/}).
 * Logsource is enforced: a rule only sees events of its logsource.
 */
public final class LogsourceMapping {
    private final Map<String, Map<String, List<SourceBinding>>> categories = new HashMap<>();
    private final Map<String, Map<String, List<SourceBinding>>> services = new HashMap<>();

    private LogsourceMapping() {
    }

    /** The built-in mapping shipped in {@code rules/mappings/windows.yml}. */
    public static LogsourceMapping builtin() {
        try (InputStream in = LogsourceMapping.class.getResourceAsStream("/rules/mappings/windows.yml")) {
            if (in == null) {
                throw new IllegalStateException("the built-in logsource mapping is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:mappings/windows.yml");
        } catch (IOException | RuleException e) {
            throw new IllegalStateException("the built-in logsource mapping cannot be read: " + e.getMessage(), e);
        }
    }

    public static LogsourceMapping parse(String yaml, String path) throws RuleException {
        LogsourceMapping mapping = new LogsourceMapping();
        YamlDocument document = YamlDocument.parseAll(yaml).get(0);
        if (!(document.root() instanceof Map<?, ?> root) || !(root.get("products") instanceof Map<?, ?> products)) {
            throw new RuleException(document.line(), path + ": a logsource mapping needs a 'products' mapping");
        }
        for (Map.Entry<?, ?> product : products.entrySet()) {
            String name = String.valueOf(product.getKey());
            if (!(product.getValue() instanceof Map<?, ?> body)) {
                throw new RuleException(document.lineOf("products", name), "product '" + name + "' must be a mapping");
            }
            mapping.categories.put(name, bindings(body.get("categories"), document, name, "categories"));
            mapping.services.put(name, bindings(body.get("services"), document, name, "services"));
        }
        return mapping;
    }

    private static Map<String, List<SourceBinding>> bindings(Object section, YamlDocument document, String product,
                                                             String kind) throws RuleException {
        Map<String, List<SourceBinding>> result = new LinkedHashMap<>();
        if (section == null) {
            return result;
        }
        if (!(section instanceof Map<?, ?> entries)) {
            throw new RuleException(document.lineOf("products", product, kind), kind + " must be a mapping");
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String name = String.valueOf(entry.getKey());
            int line = document.lineOf("products", product, kind, name);
            List<?> items = entry.getValue() instanceof List<?> list ? list : List.of(entry.getValue());
            List<SourceBinding> list = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> spec)) {
                    throw new RuleException(line, name + ": each source must be a mapping with 'channels'");
                }
                list.add(binding(spec, line, name));
            }
            result.put(name, list);
        }
        return result;
    }

    private static SourceBinding binding(Map<?, ?> spec, int line, String name) throws RuleException {
        Set<String> channels = new HashSet<>();
        for (Object channel : asList(spec.get("channels"))) {
            channels.add(String.valueOf(channel));
        }
        Set<Integer> eventIds = new HashSet<>();
        for (Object id : asList(spec.get("event_ids"))) {
            if (!(id instanceof Long number)) {
                throw new RuleException(line, name + ": event_ids must be numbers, found '" + id + "'");
            }
            eventIds.add(number.intValue());
        }
        Map<String, FieldMapping> fields = new LinkedHashMap<>();
        if (spec.get("fields") instanceof Map<?, ?> fieldSpecs) {
            for (Map.Entry<?, ?> field : fieldSpecs.entrySet()) {
                fields.put(String.valueOf(field.getKey()), fieldMapping(field.getValue(), line, name));
            }
        }
        return new SourceBinding(channels, eventIds, fields);
    }

    private static FieldMapping fieldMapping(Object spec, int line, String name) throws RuleException {
        if (spec instanceof String field) {
            return new FieldMapping.From(field, null, null);
        }
        if (spec instanceof Map<?, ?> map) {
            if (map.get("format") instanceof String template) {
                return new FieldMapping.Format(template);
            }
            if (map.get("field") instanceof String field) {
                Map<String, String> values = new HashMap<>();
                if (map.get("values") instanceof Map<?, ?> table) {
                    table.forEach((k, v) -> values.put(String.valueOf(k).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(v)));
                }
                Object convert = map.get("convert");
                return new FieldMapping.From(field, convert == null ? null : convert.toString(), values);
            }
        }
        throw new RuleException(line, name + ": a field mapping is a field name, or a mapping with 'field' "
                + "(and 'convert' or 'values'), or with 'format'");
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    /**
     * The kinds of event the logsource covers. Empty when the mapping does not know the logsource: such a rule
     * cannot fire, and diagnostics say so.
     */
    public List<SourceBinding> bindingsFor(Logsource logsource) {
        String product = logsource.product() == null ? "windows" : logsource.product();
        if (logsource.category() != null) {
            return categories.getOrDefault(product, Map.of()).getOrDefault(logsource.category(), List.of());
        }
        if (logsource.service() != null) {
            return services.getOrDefault(product, Map.of()).getOrDefault(logsource.service(), List.of());
        }
        if (categories.containsKey(product)) {
            return List.of(new SourceBinding(Set.of(), Set.of(), Map.of()));
        }
        return List.of();
    }
}
