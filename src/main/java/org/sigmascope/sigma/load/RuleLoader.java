package org.sigmascope.sigma.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaDocument;
import org.sigmascope.sigma.SigmaFilter;
import org.sigmascope.sigma.SigmaRule;

/**
 * Loads Sigma rules and meta filters from files and folders; a file may hold several documents separated by
 * {@code ---}. Every document that fails is reported as {@code path:line: message} and loading carries on with
 * the next. Filters are applied to the rules once everything is loaded.
 *
 * <p>When two documents share an id (or a name), the one loaded first wins: rule sources are loaded in the order
 * given (the built-in rules first), and files within a folder in path order. The other is reported as a duplicate,
 * not as a failure: analysts often load overlapping rule sets (SigmaHQ and a fork of it, or the built-in rules,
 * some of which come from SigmaHQ), and that is no reason for a scan to fail.
 */
public final class RuleLoader {
    /** Largest rule file read, in bytes; SigmaHQ's largest is under 100 KB. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final Placeholders placeholders;
    private final List<SigmaRule> rules = new ArrayList<>();
    private final List<SigmaFilter> filters = new ArrayList<>();
    private final List<Diagnostic> failures = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final List<Diagnostic> duplicates = new ArrayList<>();
    private final Map<String, SigmaDocument> byId = new HashMap<>();
    private final Map<String, SigmaDocument> byName = new HashMap<>();

    private RuleLoader(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** A folder or file of rules, and the name its rules' paths are shown under. */
    public record RuleSource(Path path, String displayPrefix) {
        public static RuleSource of(Path path) {
            return new RuleSource(path, null);
        }
    }

    public static RuleSet load(List<RuleSource> sources) {
        return load(sources, Placeholders.NONE.withDefaults());
    }

    /** Loads rules whose {@code expand} placeholders take their values from {@code placeholders}. */
    public static RuleSet load(List<RuleSource> sources, Placeholders placeholders) {
        RuleLoader loader = new RuleLoader(placeholders);
        for (RuleSource source : sources) {
            loader.loadSource(source);
        }
        FilterApplier.Result filtered = FilterApplier.apply(loader.rules, loader.filters);
        loader.warnings.addAll(filtered.warnings());
        return new RuleSet(filtered.rules(), loader.filters, loader.failures, loader.warnings, loader.duplicates);
    }

    private void loadSource(RuleSource source) {
        Path root = source.path();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(RuleLoader::isYaml).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                failures.add(Diagnostic.errorAtLine(root.toString(), -1, "cannot list rules: " + e.getMessage()));
                return;
            }
        } else if (Files.isRegularFile(root)) {
            files.add(root);
        } else {
            failures.add(Diagnostic.errorAtLine(root.toString(), -1, "no such rule file or folder"));
            return;
        }
        for (Path file : files) {
            loadFile(file, displayName(source, file));
        }
    }

    private static String displayName(RuleSource source, Path file) {
        if (source.displayPrefix() == null) {
            return file.toString();
        }
        String relative = source.path().relativize(file).toString().replace('\\', '/');
        return relative.isEmpty() ? source.displayPrefix() : source.displayPrefix() + relative;
    }

    static boolean isYaml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private void loadFile(Path file, String shownPath) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                failures.add(Diagnostic.errorAtLine(shownPath, 1, "the file is larger than "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MiB; not a rule file"));
                return;
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            failures.add(Diagnostic.errorAtLine(shownPath, 1, "the file is not valid UTF-8"));
            return;
        } catch (IOException e) {
            failures.add(Diagnostic.errorAtLine(shownPath, -1, "cannot read: " + e.getMessage()));
            return;
        }
        List<YamlDocument> documents;
        try {
            documents = YamlDocument.parseAll(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            failures.add(Diagnostic.errorAtLine(shownPath, line, "invalid YAML: " + e.getProblem()));
            return;
        } catch (YAMLException e) {
            failures.add(Diagnostic.errorAtLine(shownPath, 1, "invalid YAML: " + e.getMessage()));
            return;
        }
        documents = documents.stream().filter(d -> d.root() != null).toList(); // e.g. after a trailing '---'
        if (!documents.isEmpty() && documents.get(0).root() instanceof Map<?, ?> first && first.containsKey("action")) {
            failures.add(Diagnostic.errorAtLine(shownPath, documents.get(0).lineOf("action"), "Sigma 1 rule "
                    + "collections ('action: " + first.get("action") + "') are deprecated and not supported: write "
                    + "one rule per document, or a correlation rule for events that belong together"));
            return;
        }
        for (YamlDocument document : documents) {
            loadDocument(document, shownPath);
        }
    }

    private void loadDocument(YamlDocument document, String shownPath) {
        Metadata metadata = new Metadata(document, shownPath);
        try {
            Map<?, ?> root = RuleParser.root(document);
            if (root.containsKey("correlation")) {
                throw new RuleException(document.lineOf("correlation"), "correlation rules are not supported yet; "
                        + "the rules it refers to load and match on their own");
            }
            if (root.containsKey("filter")) {
                SigmaFilter filter = FilterParser.parse(document, shownPath, placeholders, metadata);
                if (register(filter)) {
                    filters.add(filter);
                    warnings.addAll(metadata.warnings());
                }
                return;
            }
            SigmaRule rule = RuleParser.parse(document, shownPath, placeholders, metadata);
            if (register(rule)) {
                rules.add(rule);
                warnings.addAll(metadata.warnings());
            }
        } catch (RuleException e) {
            failures.add(Diagnostic.errorAtLine(shownPath, e.line(), e.getMessage()));
        }
    }

    /** Records the document's id and name; reports and refuses it when another document already has them. */
    private boolean register(SigmaDocument document) {
        SigmaDocument earlier = byId.get(document.id());
        String clash = "rule id " + document.id();
        if (earlier == null && document.name() != null) {
            earlier = byName.get(document.name());
            clash = "rule name " + document.name();
        }
        if (earlier != null) {
            duplicates.add(Diagnostic.warningAtLine(document.path(), document.line(), "duplicate " + clash
                    + ": the document of " + earlier.path() + ":" + earlier.line() + " is used instead"));
            return false;
        }
        byId.put(document.id(), document);
        if (document.name() != null) {
            byName.put(document.name(), document);
        }
        return true;
    }
}
