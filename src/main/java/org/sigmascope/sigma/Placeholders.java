package org.sigmascope.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>Sigmascope's own defaults ({@code rules/placeholders.yml}) sit under the analyst's values: they give an empty
 * list to the few placeholders that SigmaHQ's active rules use only in exclusions, so those rules load; the
 * analyst's file replaces them.
 *
 * @param values   the values of each placeholder, by name
 * @param source   where they came from, for messages ({@code null} when no file was given)
 * @param defaults the names whose values are Sigmascope's defaults, not the analyst's
 */
public record Placeholders(Map<String, List<String>> values, String source, Set<String> defaults) {
    /** No placeholders at all, not even the defaults: a rule using {@code expand} cannot be loaded. */
    public static final Placeholders NONE = new Placeholders(Map.of(), null);

    public Placeholders {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
        defaults = Set.copyOf(defaults);
    }

    public Placeholders(Map<String, List<String>> values, String source) {
        this(values, source, Set.of());
    }

    /** {@code %name%}, pySigma's syntax widened to names with dots and dashes; {@code \%} is a literal percent. */
    public static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("(?<!\\\\)%([\\w.-]+)%");

    /** Whether the placeholder has only Sigmascope's default value, which may be empty. */
    public boolean isDefault(String name) {
        return defaults.contains(name);
    }

    /** The placeholders of a rule value whose only value is an empty default: they match nothing. */
    public List<String> emptyDefaultsIn(String text) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            List<String> value = values.get(m.group(1));
            if (isDefault(m.group(1)) && value != null && value.isEmpty()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** These values over Sigmascope's defaults (the analyst's values win). */
    public Placeholders withDefaults() {
        Placeholders builtin = builtinDefaults();
        Map<String, List<String>> merged = new LinkedHashMap<>(builtin.values());
        merged.putAll(values);
        Set<String> defaulted = new java.util.HashSet<>(builtin.values().keySet());
        defaulted.removeAll(values.keySet());
        return new Placeholders(merged, source, defaulted);
    }

    /** Sigmascope's defaults, shipped in {@code rules/placeholders.yml}. */
    public static Placeholders builtinDefaults() {
        return BuiltinDefaults.VALUES;
    }

    /** Read once, on first use. */
    private static final class BuiltinDefaults {
        static final Placeholders VALUES = read();
    }

    private static Placeholders read() {
        try (java.io.InputStream in = Placeholders.class.getResourceAsStream("/rules/placeholders.yml")) {
            if (in == null) {
                throw new IllegalStateException("the built-in placeholder defaults are missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BuiltinRules.PREFIX + "placeholders.yml");
        } catch (IOException | RuleException e) {
            throw new IllegalStateException("the built-in placeholder defaults cannot be read: " + e.getMessage(), e);
        }
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
