package org.sigmascope.sigma.logsource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.sigma.Logsource;
import org.sigmascope.sigma.load.RuleException;

/**
 * Which events each Sigma logsource covers, read from a YAML file users can edit ({@code rules/mappings/
 * logsources.yml}, which documents the format). Logsource is enforced: a rule only sees events of its
 * logsource.
 *
 * <p>A rule's logsource (product, category, service) is looked up exactly. When no entry has it, a rule of a
 * product the file describes completely (Windows) cannot fire, and diagnostics say so; a rule of any other
 * product (Linux, cloud services, proxies …) sees the events of evidence that is not a Windows event log — JSON
 * and CSV events without a channel — so it never fires on a Windows event.
 */
public final class LogsourceMapping {
    /** The built-in mapping's resource path, inside the application. */
    public static final String BUILTIN_RESOURCE = "/rules/mappings/logsources.yml";

    /**
     * One logsource and its sources.
     *
     * @param line the line of the entry in the mapping file
     */
    public record Entry(Logsource logsource, List<SourceBinding> sources, int line) {
        public Entry {
            sources = List.copyOf(sources);
        }
    }

    private final Map<Logsource, Entry> entries;
    private final Set<String> describedProducts;
    private final List<SourceBinding> otherEvidence;
    private final String path;

    LogsourceMapping(Map<Logsource, Entry> entries, Set<String> describedProducts, List<SourceBinding> otherEvidence,
                     String path) {
        this.entries = Map.copyOf(entries);
        this.describedProducts = Set.copyOf(describedProducts);
        this.otherEvidence = List.copyOf(otherEvidence);
        this.path = path;
    }

    /** The built-in mapping shipped in {@code rules/mappings/logsources.yml}. */
    public static LogsourceMapping builtin() {
        try (InputStream in = LogsourceMapping.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in logsource mapping is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:mappings/logsources.yml");
        } catch (IOException | RuleException e) {
            throw new IllegalStateException("the built-in logsource mapping cannot be read: " + e.getMessage(), e);
        }
    }

    /** A mapping file the analyst edited; mistakes are reported with their line. */
    public static LogsourceMapping load(Path file) throws IOException, RuleException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static LogsourceMapping parse(String yaml, String path) throws RuleException {
        return MappingParser.parse(yaml, path);
    }

    /** Where the mapping was read from, for messages. */
    public String path() {
        return path;
    }

    /**
     * The kinds of event the logsource covers. Empty when the rule cannot fire: its product is one this mapping
     * describes, and the mapping has no entry for its logsource.
     */
    public List<SourceBinding> bindingsFor(Logsource logsource) {
        Entry entry = entries.get(logsource);
        if (entry != null) {
            return entry.sources();
        }
        return describes(logsource.product()) ? List.of() : otherEvidence;
    }

    /** The entry for exactly this logsource, or {@code null}. */
    public Entry entryFor(Logsource logsource) {
        return entries.get(logsource);
    }

    /** Whether the mapping describes every logsource of the product, so that an unlisted one cannot fire. */
    public boolean describes(String product) {
        return product != null && describedProducts.contains(product);
    }
}
