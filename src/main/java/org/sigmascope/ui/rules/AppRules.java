package org.sigmascope.ui.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaDocument;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.workspace.Workspace;

/**
 * The rules the app runs: the built-in ones, the rule folders of the settings, and the rule library, in that
 * order (the first loaded of two rules with one id wins, as on the command line); with the placeholders file of
 * the settings. The {@link RuleSelection} then says which of them run. No JavaFX: loaded off the FX thread.
 *
 * @param all      every rule loaded, with the failures and warnings
 * @param sources  where they came from, in loading order
 * @param mapping  the logsource mapping rules are matched through
 * @param problems a placeholders file that could not be read, and the like
 */
public record AppRules(RuleSet all, List<Source> sources, LogsourceMapping mapping, List<Diagnostic> problems) {
    public AppRules {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }

    /**
     * A rule source as the rules view lists it.
     *
     * @param name   {@code Built-in}, a folder's path, or the library's name
     * @param kind   {@code built-in}, {@code folder} or {@code library}
     * @param prefix how the paths of its rules start, to count them
     */
    public record Source(String name, String kind, String prefix) {
    }

    public static AppRules load(Workspace workspace, List<String> folders, String placeholdersFile) {
        List<Diagnostic> problems = new ArrayList<>();
        Placeholders values = Placeholders.NONE;
        if (placeholdersFile != null) {
            try {
                values = Placeholders.load(Path.of(placeholdersFile));
            } catch (IOException e) {
                problems.add(Diagnostic.errorAtLine(placeholdersFile, -1, "cannot read: " + e.getMessage()));
            } catch (RuleException e) {
                problems.add(Diagnostic.errorAtLine(placeholdersFile, e.line(), e.getMessage()));
            }
        }
        List<Source> sources = new ArrayList<>();
        List<RuleLoader.RuleSource> loading = new ArrayList<>();
        loading.add(BuiltinRules.source());
        sources.add(new Source("Built-in rules", "built-in", BuiltinRules.PREFIX));
        for (String folder : folders) {
            loading.add(RuleLoader.RuleSource.of(Path.of(folder)));
            sources.add(new Source(folder, "folder", Path.of(folder).toString()));
        }
        RuleSet loaded = RuleLoader.load(loading, values.withDefaults());
        RuleLibrary library = RuleLibrary.of(workspace);
        try {
            for (RuleLibrary.Installed installed : library.installed()) {
                sources.add(new Source(installed.name() + " (rule library)", "library", installed.name() + ":"));
            }
        } catch (IOException e) {
            problems.add(Diagnostic.errorAtLine(library.root().toString(), -1, "cannot list: " + e.getMessage()));
        }
        return new AppRules(library.addTo(loaded), sources, LogsourceMapping.builtin(), problems);
    }

    /** The rules that run under a selection. */
    public RuleSet selected(RuleSelection selection) {
        List<SigmaRule> rules = all.rules().stream().filter(r -> selection.runs(r.info())).toList();
        // A correlation runs when it is chosen and everything it refers to runs (it refers only to what comes
        // before it): without it, the rules that only feed it would report on their own.
        Set<String> running = new HashSet<>();
        rules.forEach(rule -> addReferences(running, rule));
        List<SigmaCorrelation> correlations = new ArrayList<>();
        for (SigmaCorrelation correlation : all.correlations()) {
            if (selection.runs(correlation.info()) && running.containsAll(correlation.rules())) {
                correlations.add(correlation);
                addReferences(running, correlation);
            }
        }
        return new RuleSet(rules, all.filters(), all.failures(), all.warnings(), all.duplicates(), correlations);
    }

    /** The id and name a correlation may refer to a document by. */
    private static void addReferences(Set<String> references, SigmaDocument document) {
        references.add(document.id());
        if (document.name() != null) {
            references.add(document.name());
        }
    }

    /** The selected rules, ready to scan a case with. */
    public CaseRules caseRules(RuleSelection selection) {
        return CaseRules.compiled(selected(selection), mapping);
    }

    /**
     * The selected rules, ready to scan a case with, with the compiled engine's cost accounting on: every engine the
     * scan makes goes to {@code costs}, for the rules view's Cost column. Accounting reads the clock around each
     * rule evaluation; see docs/benchmarks.md for what it costs an import.
     */
    public CaseRules caseRules(RuleSelection selection, RuleCosts costs) {
        return new CaseRules(selected(selection), set -> {
            CompiledEngine engine = new CompiledEngine(set, mapping, true);
            costs.add(engine);
            return engine;
        }, mapping);
    }

    /** The rule sources as reports name them. */
    public List<String> sourceNames() {
        return sources.stream().map(s -> s.kind().equals("built-in") ? BuiltinRules.PREFIX + "windows/" : s.name())
                .toList();
    }
}
