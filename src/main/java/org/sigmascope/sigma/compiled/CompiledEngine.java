package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.diagnostics.RuleDiagnostics;
import org.sigmascope.sigma.eval.ConditionEvaluator;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * The fast rule engine: all rules compiled together, giving exactly the reference evaluator's detections and
 * explanations ({@link org.sigmascope.sigma.eval.ReferenceEngine}), in the same order.
 *
 * <p>An event is dispatched by channel and event id to a {@link Plan} holding only the rules that may see it.
 * In the plan, identical predicates of all rules are one atom; the text tests of a field (equality, wildcards,
 * regular expressions) are decided in one pass over the value by a {@link FieldScanner} (a hash probe and an
 * Aho–Corasick search over case-folded text, each candidate verified by the rule's own matcher), whose results are
 * cached per distinct value. A rule's condition is evaluated only when one of its triggers, atoms without which it
 * cannot hold, is true. Explanations are made only for matches, by the reference's own definition.
 *
 * <p>Thread-safe: plans are immutable once made (those the logsource mapping names are made up front, others on
 * first sight of their channel and event id), and each thread evaluates in its own {@link Evaluation}.
 */
public final class CompiledEngine implements RuleEngine {
    /** The event id under which a channel's plan for the event ids no binding names is made up front. */
    private static final int UNLISTED_ID = Integer.MIN_VALUE;

    /**
     * Totals of a scan with cost accounting.
     *
     * @param events    events matched
     * @param scanNanos time in the field scans that all rules of an event share
     * @param ruleNanos time in the rules' own evaluations and explanations
     */
    public record Totals(long events, long scanNanos, long ruleNanos) {
    }

    private final List<SigmaRule> rules = new ArrayList<>();
    private final List<List<SourceBinding>> bindings = new ArrayList<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Plan>> plans = new ConcurrentHashMap<>();
    /** Plans by the (rule, binding) pairs they hold, so that kinds of event seen by the same rules share one. */
    private final Map<List<Long>, Plan> bySignature = new ConcurrentHashMap<>();
    private final AtomicInteger scannerIds = new AtomicInteger();
    private final boolean accounting;
    private final List<RuleCounters> counters = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Evaluation> evaluations;

    public CompiledEngine(RuleSet ruleSet, LogsourceMapping mapping) {
        this(ruleSet, mapping, false);
    }

    /** @param accounting whether to count time and matches per rule ({@link #ruleStats()}); costs a little */
    public CompiledEngine(RuleSet ruleSet, LogsourceMapping mapping, boolean accounting) {
        this.accounting = accounting;
        for (SigmaRule rule : ruleSet.rules()) {
            List<SourceBinding> ruleBindings = mapping.bindingsFor(rule.logsource());
            if (!ruleBindings.isEmpty()) {
                rules.add(rule);
                bindings.add(ruleBindings);
            }
        }
        evaluations = ThreadLocal.withInitial(() -> {
            RuleCounters mine = accounting ? new RuleCounters(rules.size()) : null;
            if (mine != null) {
                counters.add(mine);
            }
            return new Evaluation(mine);
        });
        for (Map.Entry<String, Integer> key : knownKinds()) {
            plan(key.getKey(), key.getValue());
        }
    }

    /** The channels and event ids the bindings name, each channel also with an event id none names. */
    private Set<Map.Entry<String, Integer>> knownKinds() {
        Set<Map.Entry<String, Integer>> kinds = new LinkedHashSet<>();
        for (List<SourceBinding> ruleBindings : bindings) {
            for (SourceBinding binding : ruleBindings) {
                if (binding.evidence() == SourceBinding.Evidence.OTHER) {
                    kinds.add(Map.entry("", -1));
                    continue;
                }
                for (String channel : binding.channels()) {
                    kinds.add(Map.entry(channel, UNLISTED_ID));
                    binding.eventIds().forEach(id -> kinds.add(Map.entry(channel, id)));
                }
            }
        }
        return kinds;
    }

    @Override
    public void match(Event event, Consumer<Detection> sink) {
        Plan plan = plan(event.channel(), event.eventId());
        if (plan.candidates.length == 0) {
            return;
        }
        Evaluation evaluation = evaluations.get();
        RuleCounters counts = evaluation.counters;
        long started = counts == null ? 0 : System.nanoTime();
        int[] matched;
        evaluation.begin(plan, event);
        try {
            trigger(plan, evaluation);
            long scanned = counts == null ? 0 : System.nanoTime();
            if (counts != null) {
                counts.scanNanos += scanned - started;
                counts.events++;
            }
            matched = evaluate(plan, evaluation, event, counts);
        } finally {
            evaluation.end();
        }
        for (int c : matched) {
            Plan.Candidate candidate = plan.candidates[c];
            long before = counts == null ? 0 : System.nanoTime();
            sink.accept(new Detection(event, candidate.sigmaRule().info(),
                    ConditionEvaluator.explain(candidate.sigmaRule(), candidate.binding().view(event))));
            if (counts != null) {
                counts.nanos[candidate.rule()] += System.nanoTime() - before;
            }
        }
    }

    /** Runs the eager scanners and trigger atoms, marking the candidates to evaluate. */
    private static void trigger(Plan plan, Evaluation evaluation) {
        long[] pending = evaluation.pending;
        for (int scanner : plan.eagerScanners) {
            int[] atomsOfTests = plan.scannerAtoms[scanner];
            for (int test : evaluation.runScanner(scanner)) {
                mark(pending, plan.candidatesOfAtom[atomsOfTests[test]]);
            }
        }
        for (int atom : plan.eagerDirect) {
            if (evaluation.atom(atom)) {
                mark(pending, plan.candidatesOfAtom[atom]);
            }
        }
        mark(pending, plan.always);
    }

    private static void mark(long[] pending, int[] candidates) {
        if (candidates != null) {
            for (int c : candidates) {
                pending[c >>> 6] |= 1L << c;
            }
        }
    }

    /** Evaluates the marked candidates in rule order; the first binding of a rule that matches wins. */
    private static int[] evaluate(Plan plan, Evaluation evaluation, Event event, RuleCounters counts) {
        long[] pending = evaluation.pending;
        int[] matched = null;
        int count = 0;
        int lastRule = -1;
        int words = (plan.candidates.length + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long bits = pending[w];
            while (bits != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                Plan.Candidate candidate = plan.candidates[c];
                if (candidate.rule() == lastRule || candidate.checkWhere() && !candidate.binding().fits(event)) {
                    continue;
                }
                long before = counts == null ? 0 : System.nanoTime();
                boolean holds = candidate.condition().eval(evaluation);
                if (counts != null) {
                    counts.nanos[candidate.rule()] += System.nanoTime() - before;
                    counts.evaluations[candidate.rule()]++;
                }
                if (holds) {
                    lastRule = candidate.rule();
                    if (counts != null) {
                        counts.matches[candidate.rule()]++;
                    }
                    if (matched == null) {
                        matched = new int[4];
                    } else if (count == matched.length) {
                        matched = java.util.Arrays.copyOf(matched, count * 2);
                    }
                    matched[count++] = c;
                }
            }
        }
        return matched == null ? FieldScannerResults.NONE : java.util.Arrays.copyOf(matched, count);
    }

    private Plan plan(String channel, int eventId) {
        ConcurrentHashMap<Integer, Plan> byId = plans.get(channel);
        if (byId != null) {
            Plan plan = byId.get(eventId);
            if (plan != null) {
                return plan;
            }
        }
        return makePlan(channel, eventId);
    }

    /** Finds or compiles the plan of a kind of event not seen before; rare, so one thread at a time. */
    private synchronized Plan makePlan(String channel, int eventId) {
        ConcurrentHashMap<Integer, Plan> byId = plans.computeIfAbsent(channel, c -> new ConcurrentHashMap<>());
        Plan known = byId.get(eventId);
        if (known != null) {
            return known;
        }
        List<Long> signature = new ArrayList<>();
        List<PlanCompiler.Entry> entries = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<SourceBinding> ruleBindings = bindings.get(r);
            for (int b = 0; b < ruleBindings.size(); b++) {
                if (ruleBindings.get(b).fits(channel, eventId)) {
                    signature.add(((long) r << 16) | b);
                    entries.add(new PlanCompiler.Entry(r, rules.get(r), ruleBindings.get(b)));
                }
            }
        }
        Plan plan = bySignature.computeIfAbsent(signature, s -> PlanCompiler.compile(entries, scannerIds));
        byId.put(eventId, plan);
        return plan;
    }

    /** The rules this engine matches (those the logsource mapping gives events to), in detection order. */
    public List<SigmaRule> rules() {
        return List.copyOf(rules);
    }

    /** An estimate of the compiled plans' size in bytes (tables, tests and candidates; not the rules). */
    public long compiledBytes() {
        return distinctPlans().stream().mapToLong(Plan::bytes).sum();
    }

    /** How many distinct plans have been made so far. */
    public int plans() {
        return distinctPlans().size();
    }

    List<Plan> distinctPlans() {
        Map<Plan, Boolean> distinct = new IdentityHashMap<>();
        bySignature.values().forEach(p -> distinct.put(p, true));
        return List.copyOf(distinct.keySet());
    }

    /**
     * Time and matches per rule so far, in rule order; all zero unless made with accounting. Safe to call while a
     * scan runs (the figures are then approximate).
     */
    public List<RuleStats> ruleStats() {
        List<RuleStats> stats = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            long evaluations = 0;
            long matches = 0;
            long nanos = 0;
            for (RuleCounters c : counters) {
                evaluations += c.evaluations[r];
                matches += c.matches[r];
                nanos += c.nanos[r];
            }
            stats.add(new RuleStats(rules.get(r).info(), evaluations, matches, nanos,
                    RuleDiagnostics.abandonedSearches(rules.get(r))));
        }
        return stats;
    }

    /** The totals of cost accounting so far. */
    public Totals totals() {
        long events = 0;
        long scan = 0;
        long rule = 0;
        for (RuleCounters c : counters) {
            events += c.events;
            scan += c.scanNanos;
            for (long n : c.nanos) {
                rule += n;
            }
        }
        return new Totals(events, scan, rule);
    }

    public boolean accounting() {
        return accounting;
    }
}
