package org.sigmascope.sigma.load;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML document as plain Java values (maps keep their order), with the line of every mapping key, so that
 * errors can say {@code path:line}. Loading is safe (no Java types are ever constructed from YAML tags) and
 * bounded: rule files come from the internet.
 *
 * @param root  the document's value: {@link Map}, {@link List}, String, Long, Double, Boolean or {@code null}
 * @param line  the 1-based line where the document starts
 * @param text  the document's own text
 * @param lines the 1-based line of each mapping key, by its path from the root (list items as their index)
 */
public record YamlDocument(Object root, int line, String text, Map<List<String>, Integer> lines) {

    /** Largest rule file accepted, in characters. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    /** Deepest nesting accepted; Sigma rules need fewer than ten levels. */
    public static final int MAX_DEPTH = 64;
    /** Aliases accepted per file; Sigma rules use none, and billion-laughs bombs use thousands. */
    public static final int MAX_ALIASES = 50;
    /**
     * Most values a document may hold once its aliases are expanded. Fifty aliases are few, but an alias of a list
     * of aliases multiplies: 16 levels of three aliases each is 43 million values from a 17-line file
     * (docs/reliability.md). A list of 100,000 values is fine; millions are not a rule.
     */
    public static final int MAX_VALUES = 1_000_000;

    /** The line of the key at this path, or of the nearest enclosing key, or of the document. */
    public int lineOf(String... path) {
        List<String> key = new ArrayList<>(List.of(path));
        while (!key.isEmpty()) {
            Integer found = lines.get(key);
            if (found != null) {
                return found;
            }
            key.remove(key.size() - 1);
        }
        return line;
    }

    /** Parses every document of a YAML text. */
    public static List<YamlDocument> parseAll(String text) throws YAMLException {
        Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()));
        List<YamlDocument> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node node : yaml.composeAll(reader)) {
                Map<List<String>, Integer> lines = new LinkedHashMap<>();
                Object root = convert(node, new ArrayList<>(), lines, 0, new int[] {MAX_VALUES});
                int start = node.getStartMark().getLine();
                int end = node.getEndMark() == null ? -1 : node.getEndMark().getIndex();
                documents.add(new YamlDocument(root, start + 1, documentText(text, node, end), lines));
            }
        } catch (java.io.IOException e) {
            throw new YAMLException(e);
        }
        return documents;
    }

    /** Parses every document, turning YAML errors into a {@link RuleException} with the line of the problem. */
    public static List<YamlDocument> parseChecked(String text) throws RuleException {
        try {
            return parseAll(text);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw new RuleException(e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1,
                    "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new RuleException(1, "invalid YAML: " + e.getMessage());
        }
    }

    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static String documentText(String text, Node node, int end) {
        Mark start = node.getStartMark();
        int from = start.getIndex();
        // Back up to the start of the line, so indentation and leading keys stay as written.
        while (from > 0 && text.charAt(from - 1) != '\n') {
            from--;
        }
        int to = end < 0 ? text.length() : Math.min(end, text.length());
        return text.substring(from, to).stripTrailing() + "\n";
    }

    private static Object convert(Node node, List<String> path, Map<List<String>, Integer> lines, int depth,
                                  int[] budget) {
        if (depth > MAX_DEPTH) {
            throw new YAMLException("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (--budget[0] < 0) {
            throw new YAMLException("more than " + MAX_VALUES + " values once aliases are expanded (aliases of "
                    + "aliases: a YAML bomb?)");
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = convert(tuple.getKeyNode(), path, lines, depth + 1, budget);
                String name = key == null ? "null" : key.toString();
                List<String> childPath = new ArrayList<>(path);
                childPath.add(name);
                lines.put(List.copyOf(childPath), tuple.getKeyNode().getStartMark().getLine() + 1);
                map.put(name, convert(tuple.getValueNode(), childPath, lines, depth + 1, budget));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            int index = 0;
            for (Node item : sequence.getValue()) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(Integer.toString(index++));
                lines.put(List.copyOf(childPath), item.getStartMark().getLine() + 1);
                list.add(convert(item, childPath, lines, depth + 1, budget));
            }
            return list;
        }
        return scalar((ScalarNode) node);
    }

    private static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
                    || value.equalsIgnoreCase("on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                String digits = value.replace("_", "");
                if (digits.startsWith("0x") || digits.startsWith("0X")) {
                    return Long.parseLong(digits.substring(2), 16);
                }
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return value; // beyond 64 bits, or an octal form: keep the text the rule wrote
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        // Strings, and timestamps such as 'date: 2018-03-07' which Sigma treats as text.
        return value;
    }
}
