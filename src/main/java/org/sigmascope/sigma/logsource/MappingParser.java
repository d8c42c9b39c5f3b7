package org.sigmascope.sigma.logsource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.YamlDocument;

/** Reads a logsource mapping file (format: the comment at the top of {@code rules/mappings/logsources.yml}). */
final class MappingParser {
    private static final Set<String> SOURCE_KEYS = Set.of("evidence", "channels", "event_ids", "where", "fields");
    private static final Set<String> ENTRY_KEYS = Set.of("product", "category", "service", "sources");

    private final YamlDocument document;

    private MappingParser(YamlDocument document) {
        this.document = document;
    }

    static LogsourceMapping parse(String yaml, String path) throws RuleException {
        List<YamlDocument> documents = YamlDocument.parseChecked(yaml);
        if (documents.isEmpty() || !(documents.get(0).root() instanceof Map<?, ?> root)) {
            throw new RuleException(1, "a logsource mapping is a YAML mapping with 'logsources'");
        }
        MappingParser parser = new MappingParser(documents.get(0));
        if (!(root.get("logsources") instanceof List<?> list)) {
            throw new RuleException(parser.document.lineOf("logsources"), "'logsources' must be a list of entries");
        }
        Map<Logsource, LogsourceMapping.Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            LogsourceMapping.Entry entry = parser.entry(list.get(i), "logsources", Integer.toString(i));
            LogsourceMapping.Entry earlier = entries.putIfAbsent(entry.logsource(), entry);
            if (earlier != null) {
                throw new RuleException(entry.line(), "the logsource " + entry.logsource()
                        + " is already mapped at line " + earlier.line());
            }
        }
        Set<String> described = new LinkedHashSet<>();
        for (Object product : asList(root.get("described_products"))) {
            described.add(String.valueOf(product).toLowerCase(java.util.Locale.ROOT));
        }
        List<SourceBinding> other = parser.sources(root.get("other_logsources"), "other_logsources");
        return new LogsourceMapping(entries, described, other, path);
    }

    private LogsourceMapping.Entry entry(Object value, String... path) throws RuleException {
        int line = document.lineOf(path);
        if (!(value instanceof Map<?, ?> map)) {
            throw new RuleException(line, "each logsource entry must be a mapping with 'sources'");
        }
        checkKeys(map, ENTRY_KEYS, line, "a logsource entry");
        Logsource logsource = new Logsource(text(map.get("product")), text(map.get("category")),
                text(map.get("service")));
        if (logsource.product() == null && logsource.category() == null && logsource.service() == null) {
            throw new RuleException(line, "a logsource entry needs a product, a category or a service");
        }
        List<String> sourcesPath = new ArrayList<>(List.of(path));
        sourcesPath.add("sources");
        List<SourceBinding> sources = sources(map.get("sources"), sourcesPath.toArray(String[]::new));
        if (sources.isEmpty()) {
            throw new RuleException(line, "the logsource " + logsource + " has no sources");
        }
        return new LogsourceMapping.Entry(logsource, sources, line);
    }

    private List<SourceBinding> sources(Object value, String... path) throws RuleException {
        List<SourceBinding> sources = new ArrayList<>();
        List<?> items = asList(value);
        for (int i = 0; i < items.size(); i++) {
            List<String> itemPath = new ArrayList<>(List.of(path));
            itemPath.add(Integer.toString(i));
            sources.add(source(items.get(i), document.lineOf(itemPath.toArray(String[]::new))));
        }
        return sources;
    }

    private SourceBinding source(Object value, int line) throws RuleException {
        if (!(value instanceof Map<?, ?> spec)) {
            throw new RuleException(line, "each source must be a mapping (channels, event_ids, where, fields)");
        }
        checkKeys(spec, SOURCE_KEYS, line, "a source");
        SourceBinding.Evidence evidence = SourceBinding.Evidence.WINDOWS;
        Object kind = spec.get("evidence");
        if ("other".equals(kind)) {
            evidence = SourceBinding.Evidence.OTHER;
        } else if (kind != null && !"windows".equals(kind)) {
            throw new RuleException(line, "'evidence' must be 'windows' or 'other', not '" + kind + "'");
        }
        Set<String> channels = new LinkedHashSet<>();
        for (Object channel : asList(spec.get("channels"))) {
            channels.add(String.valueOf(channel));
        }
        Set<Integer> eventIds = new HashSet<>();
        for (Object id : asList(spec.get("event_ids"))) {
            if (!(id instanceof Long number)) {
                throw new RuleException(line, "event_ids must be numbers, found '" + id + "'");
            }
            eventIds.add(number.intValue());
        }
        Map<String, Set<String>> where = new LinkedHashMap<>();
        if (spec.get("where") instanceof Map<?, ?> conditions) {
            for (Map.Entry<?, ?> condition : conditions.entrySet()) {
                Set<String> values = new LinkedHashSet<>();
                asList(condition.getValue()).forEach(v -> values.add(Fields.textOf(v)));
                where.put(String.valueOf(condition.getKey()), values);
            }
        } else if (spec.get("where") != null) {
            throw new RuleException(line, "'where' must map field names to values");
        }
        Map<String, FieldMapping> fields = new LinkedHashMap<>();
        if (spec.get("fields") instanceof Map<?, ?> fieldSpecs) {
            for (Map.Entry<?, ?> field : fieldSpecs.entrySet()) {
                fields.put(String.valueOf(field.getKey()), fieldMapping(field.getValue(), line,
                        String.valueOf(field.getKey())));
            }
        } else if (spec.get("fields") != null) {
            throw new RuleException(line, "'fields' must map Sigma field names to how they are read");
        }
        return new SourceBinding(evidence, channels, eventIds, where, fields);
    }

    private static FieldMapping fieldMapping(Object spec, int line, String name) throws RuleException {
        if (spec instanceof String field) {
            return new FieldMapping.From(field, null, null, null);
        }
        if (spec instanceof Map<?, ?> map) {
            Map<String, String> prefixes = stringMap(map.get("prefixes"));
            if (map.get("format") instanceof String template) {
                return new FieldMapping.Format(template, prefixes);
            }
            if (map.containsKey("value")) {
                return new FieldMapping.Constant(Fields.textOf(map.get("value")));
            }
            if (map.get("field") instanceof String field) {
                Object convert = map.get("convert");
                if (convert != null && !"hex".equals(convert)) {
                    throw new RuleException(line, name + ": the only conversion is 'hex', not '" + convert + "'");
                }
                return new FieldMapping.From(field, convert == null ? null : "hex", stringMap(map.get("values")),
                        prefixes);
            }
        }
        throw new RuleException(line, name + ": a field mapping is a field name, or a mapping with 'field' (and "
                + "'convert: hex', 'values', 'prefixes'), with 'format' (and 'prefixes'), or with 'value'");
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> table) {
            table.forEach((k, v) -> map.put(String.valueOf(k), Fields.textOf(v)));
        }
        return map;
    }

    private static void checkKeys(Map<?, ?> map, Set<String> known, int line, String what) throws RuleException {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new RuleException(line, "unknown key '" + key + "' in " + what + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }
}
