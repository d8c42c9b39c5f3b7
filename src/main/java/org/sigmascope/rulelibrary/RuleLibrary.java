package org.sigmascope.rulelibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.workspace.Workspace;

/**
 * The analyst's rule library: Sigma rule sets fetched by {@code sigmascope rules update}, one folder each under
 * {@code rules/} in the Sigmascope folder ({@code ~/.sigmascope/rules/sigmahq/…}). Scans load it after the
 * built-in rules and the rules named with {@code -r}; a library rule whose id is already loaded from those is
 * left out (the rules the analyst named win over the library).
 */
public final class RuleLibrary {
    /** Library names: lower case, digits, {@code . _ -}; never starting with a dot (those are the updater's). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Where an update moves the library it replaces, for the moment of the swap. */
    public static final String PREVIOUS_PREFIX = ".previous-";

    private final Path root;

    public RuleLibrary(Path root) {
        this.root = root;
    }

    public static RuleLibrary of(Workspace workspace) {
        return new RuleLibrary(workspace.home().resolve("rules"));
    }

    public Path root() {
        return root;
    }

    /** An installed library: its name, its folder, and its manifest if readable. */
    public record Installed(String name, Path folder, Optional<LibraryManifest> manifest) {
        public RuleLoader.RuleSource source() {
            return new RuleLoader.RuleSource(folder, name + ":");
        }
    }

    /** The installed libraries, by name. */
    public List<Installed> installed() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Installed> libraries = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                // A crash in the middle of an update's swap leaves only the previous library: it is still the one.
                if (name.startsWith(PREVIOUS_PREFIX) && !Files.exists(root.resolve(name.substring(
                        PREVIOUS_PREFIX.length())))) {
                    name = name.substring(PREVIOUS_PREFIX.length());
                } else if (!NAME.matcher(name).matches()) {
                    continue;
                }
                libraries.add(new Installed(name, folder, manifest(folder)));
            }
        }
        libraries.sort(java.util.Comparator.comparing(Installed::name));
        return libraries;
    }

    /** The installed library of that name. */
    public Optional<Installed> find(String name) throws IOException {
        return installed().stream().filter(library -> library.name().equals(name)).findFirst();
    }

    private static Optional<LibraryManifest> manifest(Path folder) {
        Path file = folder.resolve(LibraryManifest.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LibraryManifest.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The given rules plus the library's. Each library is loaded on its own, in name order, and a rule whose id is
     * already loaded is left out without a failure: the same SigmaHQ rule is often both built in and in the
     * library. The library's own failures (a rule a newer Sigmascope verified, or a file edited by hand) are kept.
     */
    public RuleSet addTo(RuleSet rules) {
        List<Installed> libraries;
        try {
            libraries = installed();
        } catch (IOException e) {
            List<org.sigmascope.model.Diagnostic> failures = new ArrayList<>(rules.failures());
            failures.add(org.sigmascope.model.Diagnostic.errorAtLine(root.toString(), -1,
                    "cannot list the rule library: " + e.getMessage()));
            return new RuleSet(rules.rules(), rules.filters(), failures, rules.warnings(), rules.duplicates());
        }
        if (libraries.isEmpty()) {
            return rules;
        }
        List<SigmaRule> merged = new ArrayList<>(rules.rules());
        List<org.sigmascope.model.Diagnostic> failures = new ArrayList<>(rules.failures());
        Set<String> ids = new HashSet<>();
        merged.forEach(rule -> ids.add(rule.id()));
        for (Installed library : libraries) {
            RuleSet loaded = RuleLoader.load(List.of(library.source()));
            loaded.rules().stream().filter(rule -> ids.add(rule.id())).forEach(merged::add);
            failures.addAll(loaded.failures());
        }
        return new RuleSet(merged, rules.filters(), failures, rules.warnings(), rules.duplicates());
    }
}
