package org.sigmascope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleLoader;
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

    /** The rules; by default also the analyst's rule library, after all others (rules named here win). */
    RuleSet load(boolean builtinByDefault) {
        RuleSet rules = RuleLoader.load(sources(builtinByDefault));
        return builtinByDefault && !noLibraryRules ? RuleLibrary.of(Workspace.fromEnvironment()).addTo(rules) : rules;
    }
}
