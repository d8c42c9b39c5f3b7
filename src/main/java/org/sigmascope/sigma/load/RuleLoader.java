package org.sigmascope.sigma.load;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;

/**
 * Loads Sigma rules from files and folders. Every rule that fails is reported as {@code path:line: message}
 * and loading carries on with the next.
 *
 * <p>When two rules share an id, the one loaded first wins: rule sources are loaded in the order given (the
 * built-in rules first), and files within a folder in path order. The other is reported.
 */
public final class RuleLoader {
    /** Largest rule file read, in bytes; SigmaHQ's largest is under 100 KB. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final List<SigmaRule> rules = new ArrayList<>();
    private final List<Diagnostic> failures = new ArrayList<>();
    private final Map<String, SigmaRule> byId = new HashMap<>();

    /** A folder or file of rules, and the name its rules' paths are shown under. */
    public record RuleSource(Path path, String displayPrefix) {
        public static RuleSource of(Path path) {
            return new RuleSource(path, null);
        }
    }

    public static RuleSet load(List<RuleSource> sources) {
        RuleLoader loader = new RuleLoader();
        for (RuleSource source : sources) {
            loader.loadSource(source);
        }
        return new RuleSet(loader.rules, loader.failures);
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
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
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
        for (YamlDocument document : documents) {
            if (document.root() == null) {
                continue; // an empty document, e.g. after a trailing '---'
            }
            try {
                add(RuleParser.parse(document, shownPath), shownPath);
            } catch (RuleException e) {
                failures.add(Diagnostic.errorAtLine(shownPath, e.line(), e.getMessage()));
            }
        }
    }

    private void add(SigmaRule rule, String shownPath) {
        SigmaRule earlier = byId.putIfAbsent(rule.id(), rule);
        if (earlier != null) {
            failures.add(Diagnostic.errorAtLine(shownPath, rule.line(), "duplicate rule id " + rule.id()
                    + ": the rule of " + earlier.info().path() + ":" + earlier.line() + " is used instead"));
            return;
        }
        rules.add(rule);
    }
}
