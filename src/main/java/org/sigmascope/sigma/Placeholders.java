package org.sigmascope.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.YamlDocument;

/**
 * The values of {@code %name%} placeholders for the {@code expand} modifier, from a YAML file the analyst writes:
 * a mapping of placeholder names to a value or a list of values. Values are Sigma strings ({@code *} and
 * {@code ?} are wildcards). For example:
 *
 * <pre>
 * Workstations: ['WS01*', 'WS02*']
 * dc_ip_addresses: [10.0.0.10, 10.0.0.11]
 * </pre>
 *
 * @param values the values of each placeholder, by name
 * @param source where they came from, for messages ({@code null} when no file was given)
 */
public record Placeholders(Map<String, List<String>> values, String source) {
    /** No placeholders file: a rule using {@code expand} cannot be loaded. */
    public static final Placeholders NONE = new Placeholders(Map.of(), null);

    public Placeholders {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads a placeholders file; mistakes are reported as {@code path:line: message}. */
    public static Placeholders load(Path file) throws IOException, RuleException {
        if (Files.size(file) > YamlDocument.MAX_CODE_POINTS) {
            throw new RuleException(1, "the placeholders file is too large");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    public static Placeholders parse(String yaml, String source) throws RuleException {
        List<YamlDocument> documents = YamlDocument.parseChecked(yaml);
        if (documents.isEmpty() || documents.get(0).root() == null) {
            return new Placeholders(Map.of(), source);
        }
        YamlDocument document = documents.get(0);
        if (!(document.root() instanceof Map<?, ?> root)) {
            throw new RuleException(document.line(), "a placeholders file is a mapping of names to values");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : root.entrySet()) {
            String name = String.valueOf(entry.getKey());
            List<String> list = new ArrayList<>();
            Object value = entry.getValue();
            for (Object item : value instanceof List<?> items ? items : java.util.Collections.singletonList(value)) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw new RuleException(document.lineOf(name), "placeholder '" + name
                            + "': each value must be a string or a number");
                }
                list.add(Fields.textOf(item));
            }
            values.put(name, list);
        }
        return new Placeholders(values, source);
    }
}
