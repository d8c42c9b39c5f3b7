package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * One evaluation of a {@link CorrelationPlan}: {@link #offer} it every match the rule engine makes, in any order
 * (evidence files are read one after another, not in time order), then {@link #finish} it once all evidence is
 * read. It keeps only the matches of rules that correlations need (never all events), each with the few field
 * values they read, and evaluates the correlations in event-time order at the end, so the order in which evidence
 * arrives never changes the hits. Memory is bounded by {@link RunLimits}; what the limits or the evidence left out
 * is in {@link #notes()}.
 */
public final class CorrelationRun {
    private final CorrelationPlan plan;
    private final RunLimits limits;
    /** Per correlation, its matches by group, in the order they came. */
    private final Map<Node, Map<GroupKey, List<Entry>>> groups = new HashMap<>();
    private final Map<Node, Tally> tallies = new LinkedHashMap<>();
    private long kept;
    private boolean finished;

    /** What was left out of one correlation, and why. */
    private static final class Tally {
        long untimed;
        long ungrouped;
        long overflow;
    }

    CorrelationRun(CorrelationPlan plan, RunLimits limits) {
        this.plan = plan;
        this.limits = limits;
        for (Node node : plan.nodes()) {
            groups.put(node, new HashMap<>());
            tallies.put(node, new Tally());
        }
    }

    /** Takes a detection of the rule engine; those of rules no correlation refers to are ignored. */
    public synchronized void offer(Detection detection) {
        CorrelationPlan.RuleUses uses = plan.uses(detection.rule().id());
        if (uses == null || finished) {
            return;
        }
        Event event = detection.event();
        long nanos = event.timestamp() == null ? Long.MIN_VALUE : Times.nanos(event.timestamp());
        if (nanos == Long.MIN_VALUE) {
            uses.uses().forEach(use -> tallies.get(use.node()).untimed++);
            return;
        }
        if (kept >= limits.maxMatches()) {
            uses.uses().forEach(use -> tallies.get(use.node()).overflow++);
            return;
        }
        kept++;
        Candidate candidate = new Candidate(nanos, event.id(), kept <= limits.maxFullEvents() ? event
                : event.withFields(Fields.empty()), capture(uses.rule(), event), null);
        for (Node.Use use : uses.uses()) {
            add(use, candidate);
        }
    }

    /** The values of the fields correlations read from this rule's events, as the rule sees the event. */
    private Candidate.Values capture(SigmaRule rule, Event event) {
        List<String> names = plan.neededFields(rule);
        EventView view = view(plan.bindings(rule), event);
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = view.get(names.get(i));
        }
        return new Candidate.Captured(names, values);
    }

    private static EventView view(List<SourceBinding> bindings, Event event) {
        for (SourceBinding binding : bindings) {
            if (binding.fits(event)) {
                return binding.view(event);
            }
        }
        return EventView.of(event.fields());
    }

    /** Adds the candidate to a correlation as the match of one of its members, unless it lacks a group-by value. */
    private void add(Node.Use use, Candidate candidate) {
        Node.Member member = use.member();
        List<String> group = new ArrayList<>(member.groupFields().size());
        for (String field : member.groupFields()) {
            String value = Numbers.valueText(candidate.values().get(field));
            if (value == null) {
                tallies.get(use.node()).ungrouped++;
                return;
            }
            group.add(value);
        }
        groups.get(use.node()).computeIfAbsent(new GroupKey(group), key -> new ArrayList<>())
                .add(new Entry(candidate, member.index(), measured(use.node(), member, candidate)));
    }

    private static Object measured(Node node, Node.Member member, Candidate candidate) {
        CorrelationType type = node.correlation.type();
        if (type.numeric()) {
            double number = Numbers.number(candidate.values().get(member.valueFields().get(0)));
            return Double.isNaN(number) ? null : number;
        }
        if (type == CorrelationType.VALUE_COUNT) {
            List<String> parts = new ArrayList<>();
            for (String field : member.valueFields()) {
                String value = Numbers.valueText(candidate.values().get(field));
                if (value == null) {
                    return null;
                }
                parts.add(value);
            }
            return parts.size() == 1 ? parts.get(0) : parts;
        }
        return null;
    }

    /**
     * Evaluates every correlation, each after those it refers to, and returns the hits of those that report (not
     * only feed other correlations), ordered by the time of their last event.
     */
    public synchronized List<Detection> finish() {
        if (finished) {
            throw new IllegalStateException("the run is finished");
        }
        finished = true;
        List<Detection> reported = new ArrayList<>();
        for (Node node : plan.nodes()) {
            long span = node.correlation.timespan().nanos();
            for (Map.Entry<GroupKey, List<Entry>> group : groups.remove(node).entrySet()) {
                List<Entry> matches = group.getValue();
                matches.sort(Entry.ORDER);
                Measure measure = Measure.of(node.correlation);
                WindowScan.scan(matches, span, measure, node.correlation.condition(), episode -> {
                    HitBuilder.Hit hit = HitBuilder.build(node, group.getKey().values(), episode, measure.describe(),
                            limits.maxHitEvents());
                    if (node.reported) {
                        reported.add(hit.detection());
                    }
                    for (Node.Use consumer : node.consumers) {
                        add(consumer, hit.candidate());
                    }
                });
            }
        }
        reported.sort(Comparator.comparing((Detection d) -> d.event().timestamp())
                .thenComparing(d -> d.rule().id()).thenComparingLong(d -> d.correlation().eventIds().get(0)));
        return reported;
    }

    /** What was left out, one line per correlation and reason, for the analyst. */
    public synchronized List<String> notes() {
        List<String> notes = new ArrayList<>();
        tallies.forEach((node, tally) -> {
            String who = "correlation '" + node.correlation.title() + "': ";
            if (tally.ungrouped > 0) {
                notes.add(who + tally.ungrouped + " matches of its rules were left out because they lack a group-by "
                        + "field (" + String.join(", ", node.correlation.groupBy()) + ")");
            }
            if (tally.untimed > 0) {
                notes.add(who + tally.untimed + " matches of its rules were left out because their events have no "
                        + "time");
            }
            if (tally.overflow > 0) {
                notes.add(who + tally.overflow + " matches of its rules were left out because the run already held "
                        + limits.maxMatches() + " matches; its hits may be incomplete");
            }
        });
        return notes;
    }
}
