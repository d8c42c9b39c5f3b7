package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.workspace.Workspace;

/** The rule options that {@code scan} and {@code rules check} share. */
final class RuleOptions {
    @Option(names = {"-r", "--rules"}, paramLabel = "RULES",
            description = "A Sigma rule file or folder of rules (recursive); repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin-rules", description = "Do not load the rules that ship with Sigmascope.")
    boolean noBuiltinRules;

    @Option(names = "--no-library-rules",
            description = "Do not load your rule library (the rules fetched by 'rules update').")
    boolean noLibraryRules;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "Values of the %%name%% placeholders of rules using the expand modifier (YAML: name: [values]).")
    Path placeholders;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A logsource mapping to use instead of the built-in one (see rules/mappings/logsources.yml).")
    Path mapping;

    /** The rules, the mapping they are matched through, and problems with the files given for them. */
    record Loaded(RuleSet rules, LogsourceMapping mapping, List<Diagnostic> problems) {
    }

    /** The rule sources in loading order: built-in rules first, so they win over duplicates. */
    List<RuleLoader.RuleSource> sources(boolean builtinByDefault) {
        List<RuleLoader.RuleSource> sources = new ArrayList<>();
        if (builtinByDefault && !noBuiltinRules) {
            sources.add(BuiltinRules.source());
        }
        rules.forEach(path -> sources.add(RuleLoader.RuleSource.of(path)));
        return sources;
    }

    /** The rule sources as the analyst gave them, for reports: {@code builtin:windows/} and the paths. */
    List<String> sourceNames(boolean builtinByDefault) {
        List<String> names = new ArrayList<>();
        sources(builtinByDefault).forEach(source -> names.add(source.displayPrefix() != null
                ? source.displayPrefix() : source.path().toString()));
        return names;
    }

    /**
     * Loads the placeholders, the mapping and the rules. A placeholders or mapping file that cannot be read is a
     * problem reported as {@code path:line: message}; the built-in mapping (or no placeholders) is used instead.
     */
    Loaded loadAll(boolean builtinByDefault) {
        List<Diagnostic> problems = new ArrayList<>();
        Placeholders values = (placeholders == null ? Placeholders.NONE
                : read(placeholders, Placeholders::load, Placeholders.NONE, problems)).withDefaults();
        LogsourceMapping logsources = mapping == null ? LogsourceMapping.builtin()
                : read(mapping, LogsourceMapping::load, LogsourceMapping.builtin(), problems);
        RuleSet loaded = RuleLoader.load(sources(builtinByDefault), values);
        // The analyst's rule library comes after all others, so rules named here win over it.
        if (builtinByDefault && !noLibraryRules) {
            loaded = RuleLibrary.of(Workspace.fromEnvironment()).addTo(loaded);
        }
        return new Loaded(loaded, logsources, problems);
    }

    /** How a settings file is read. */
    private interface Reader<T> {
        T read(Path file) throws IOException, RuleException;
    }

    private static <T> T read(Path file, Reader<T> reader, T fallback, List<Diagnostic> problems) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            problems.add(Diagnostic.errorAtLine(file.toString(), -1, "cannot read: " + e.getMessage()));
        } catch (RuleException e) {
            problems.add(Diagnostic.errorAtLine(file.toString(), e.line(), e.getMessage()));
        }
        return fallback;
    }

    static void printProblems(PrintWriter out, List<Diagnostic> problems) {
        problems.forEach(out::println);
    }
}
