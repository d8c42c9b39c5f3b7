package org.sigmascope.ui.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.sigmascope.caseview.CaseProfile;
import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.diagnostics.EvidenceProfile;
import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.diagnostics.RuleStatus;
import org.sigmascope.store.CaseStore;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * The rules view: every rule of every source (built-in, the analyst's folders, the rule library) with its status and
 * diagnostics on the open case's evidence, its hits in the case, and whether it runs; the choice of rules by level,
 * status, product and tag, or one by one. A changed choice asks for a re-scan, which brings the case's detections
 * in line without reading the evidence again.
 */
public final class RulesViewModel {
    /** What the list shows. */
    public enum Show { ALL, RUNS, OFF, CANNOT_FIRE, NOT_LOADABLE }

    private final BackgroundTasks tasks;
    private final Supplier<AppRules> rules;
    private final Consumer<RuleSelection> saveSelection;
    private final ObjectProperty<RuleSelection> selection = new SimpleObjectProperty<>(RuleSelection.defaults());
    private final ObservableList<RuleRow> all = FXCollections.observableArrayList();
    private final FilteredList<RuleRow> shown = new FilteredList<>(all);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.ALL);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Loading the rules…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsRescan = new ReadOnlyBooleanWrapper();
    private final Map<String, Double> costs = new HashMap<>();
    private CaseSession session;
    private volatile EvidenceProfile profile;
    private AppRules loaded;

    /**
     * @param rules         the rules loaded now (called off the FX thread; may load them)
     * @param saveSelection keeps a new choice in the settings
     */
    public RulesViewModel(BackgroundTasks tasks, Supplier<AppRules> rules, Consumer<RuleSelection> saveSelection) {
        this.tasks = tasks;
        this.rules = rules;
        this.saveSelection = saveSelection;
        search.addListener((o, old, text) -> refilter());
        show.addListener((o, old, s) -> refilter());
    }

    public ObservableList<RuleRow> rows() {
        return shown;
    }

    /** Every rule, whatever the list shows. */
    public ObservableList<RuleRow> allRows() {
        return all;
    }

    /** The rule sources in loading order, each with its counts. */
    public ObservableList<String> sources() {
        return sources;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObjectProperty<RuleSelection> selectionProperty() {
        return selection;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the choice of rules changed since the case was last scanned: a re-scan would change detections. */
    public ReadOnlyBooleanProperty needsRescanProperty() {
        return needsRescan.getReadOnlyProperty();
    }

    public void open(CaseSession newSession) {
        session = newSession;
        costs.clear();
        profile = null;
        reload();
    }

    /** The case's evidence changed (an import): diagnostics are judged again on it. */
    public void evidenceChanged() {
        profile = null;
        reload();
    }

    /**
     * Matching time per rule, in ms, from the compiled engine's accounting of a job on the open case.
     *
     * @param add whether it adds to the rules' cost so far (an import of more evidence) or replaces it for the rules
     *            given (a re-scan, which matched them over all the case's events)
     */
    public void costs(Map<String, Double> perRule, boolean add) {
        perRule.forEach((id, ms) -> costs.merge(id, ms, add ? Double::sum : (old, now) -> now));
        reload();
    }

    /** A rule's matching time on the open case so far, in ms, or -1 when no scan of this session ran it. */
    public double cost(String ruleId) {
        return costs.getOrDefault(ruleId, -1.0);
    }

    /** Loads the rules, judges them on the case's evidence, and counts their hits. */
    public void reload() {
        CaseSession current = session;
        RuleSelection chosen = selection.get();
        Map<String, Double> costCopy = Map.copyOf(costs);
        loading.set(true);
        tasks.run("judging the rules", () -> judge(current, chosen, costCopy), result -> {
            loading.set(false);
            if (current == session) {
                loaded = result.rules();
                all.setAll(result.rows());
                sources.setAll(result.sources());
                needsRescan.set(result.differs());
                summarize();
            }
        }, e -> {
            loading.set(false);
            // A case closed while its evidence profile waited to be read: nothing went wrong.
            if (current == session) {
                summary.set("The rules could not be loaded: " + BackgroundTasks.plain(e));
            }
        });
    }

    private record Judged(AppRules rules, List<RuleRow> rows, List<String> sources, boolean differs) {
    }

    private Judged judge(CaseSession current, RuleSelection chosen, Map<String, Double> cost) throws Exception {
        AppRules appRules = rules.get();
        EvidenceProfile evidence = profile;
        Map<String, Long> hits = new HashMap<>();
        Map<String, String> scanned = Map.of();
        if (current != null) {
            CaseStore store = current.store();
            if (evidence == null && store.eventCount() > 0) {
                evidence = current.reads().call(CaseProfile::of);
                profile = evidence;
            }
            for (Object[] row : store.secondReader().list("SELECT rule_id, count(*) FROM detections GROUP BY rule_id",
                    List.of(), r -> new Object[] {r.getString(1), r.getLong(2)})) {
                hits.put((String) row[0], (Long) row[1]);
            }
            scanned = store.rules().hashes();
        }
        Map<String, RuleInfo> infos = new HashMap<>();
        for (SigmaRule rule : appRules.all().rules()) {
            infos.put(rule.id(), rule.info());
        }
        List<RuleRow> rows = new ArrayList<>();
        Map<String, int[]> perSource = new java.util.LinkedHashMap<>();
        appRules.sources().forEach(s -> perSource.put(s.name(), new int[2]));
        for (RuleStatus status : RuleDiagnostics.of(appRules.all(), appRules.mapping(), evidence)) {
            RuleInfo info = status.id() == null ? null : infos.get(status.id());
            String source = sourceOf(appRules, status.path());
            boolean enabled = info != null && chosen.runs(info);
            rows.add(new RuleRow(info, status, source, info == null ? 0 : hits.getOrDefault(info.id(), 0L),
                    info == null ? -1 : cost.getOrDefault(info.id(), -1.0), enabled));
            int[] counts = perSource.computeIfAbsent(source, k -> new int[2]);
            counts[status.state() == RuleStatus.State.NOT_LOADABLE ? 1 : 0]++;
        }
        List<String> sourceLines = new ArrayList<>();
        perSource.forEach((name, c) -> sourceLines.add(String.format("%s — %,d rules%s", name, c[0],
                c[1] > 0 ? String.format(", %,d not loadable", c[1]) : "")));
        boolean differs = false;
        if (current != null && !scanned.isEmpty()) {
            java.util.Set<String> running = new java.util.HashSet<>();
            org.sigmascope.sigma.RuleSet selected = appRules.selected(chosen);
            selected.rules().forEach(r -> running.add(r.id()));
            // The case records the correlations it ran with their ids too.
            selected.correlations().forEach(c -> running.add(c.id()));
            differs = !running.equals(scanned.keySet());
        }
        return new Judged(appRules, rows, sourceLines, differs);
    }

    private static String sourceOf(AppRules rules, String path) {
        String found = "";
        for (AppRules.Source source : rules.sources()) {
            if (path != null && path.startsWith(source.prefix()) && source.prefix().length() >= found.length()) {
                found = source.name();
            }
        }
        return found.isEmpty() ? "(other)" : found;
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().toLowerCase(Locale.ROOT).strip();
        Show what = show.get();
        shown.setPredicate(row -> matches(row, text) && switch (what) {
            case ALL -> true;
            case RUNS -> row.state().equals("runs");
            case OFF -> row.state().equals("off");
            case CANNOT_FIRE -> row.state().equals("cannot fire");
            case NOT_LOADABLE -> row.status().state() == RuleStatus.State.NOT_LOADABLE
                    || row.status().state() == RuleStatus.State.DUPLICATE;
        });
    }

    private static boolean matches(RuleRow row, String text) {
        if (text.isEmpty()) {
            return true;
        }
        return contains(row.title(), text) || contains(row.status().path(), text) || contains(row.product(), text)
                || row.tags().stream().anyMatch(t -> contains(t, text)) || (row.info() != null
                && contains(row.info().id(), text));
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    private void summarize() {
        long runs = all.stream().filter(r -> r.state().equals("runs")).count();
        long off = all.stream().filter(r -> r.state().equals("off")).count();
        long dead = all.stream().filter(r -> r.state().equals("cannot fire")).count();
        long failed = all.stream().filter(r -> r.status().state() == RuleStatus.State.NOT_LOADABLE).count();
        summary.set(String.format("%,d rules: %,d run, %,d off, %,d cannot fire on this evidence, %,d not loadable",
                all.size(), runs, off, dead, failed));
        refilter();
    }

    // ---- choosing rules ----

    /** Turns one rule on or off. */
    public void setEnabled(RuleRow row, boolean on) {
        if (row.info() != null) {
            choose(selection.get().with(row.info().id(), on));
        }
    }

    public void setMinLevel(Level level) {
        choose(selection.get().withMinLevel(level));
    }

    public void setExcluded(RuleSelection.Facet facet, String value, boolean excluded) {
        choose(selection.get().withExcluded(facet, value, excluded));
    }

    /** Applies a whole new choice of rules. */
    public void select(RuleSelection next) {
        choose(next);
    }

    private void choose(RuleSelection next) {
        selection.set(next);
        saveSelection.accept(next);
        List<RuleRow> updated = new ArrayList<>(all.size());
        for (RuleRow row : all) {
            updated.add(new RuleRow(row.info(), row.status(), row.source(), row.hits(), row.costMs(),
                    row.info() != null && next.runs(row.info())));
        }
        all.setAll(updated);
        if (loaded != null && session != null) {
            reload();
        } else {
            summarize();
        }
    }

    /** The values rules have for a facet, each with how many rules have it, for the choice lists. */
    public Map<String, Integer> facetValues(RuleSelection.Facet facet) {
        Map<String, Integer> values = new TreeMap<>();
        for (RuleRow row : all) {
            if (row.info() == null) {
                continue;
            }
            switch (facet) {
                case STATUS -> values.merge(row.ruleStatus().isEmpty() ? "(none)" : row.ruleStatus(), 1, Integer::sum);
                case PRODUCT -> values.merge(row.product().isEmpty() ? "(none)" : row.product(), 1, Integer::sum);
                case TAG -> row.tags().forEach(t -> values.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum));
            }
        }
        return values;
    }
}
