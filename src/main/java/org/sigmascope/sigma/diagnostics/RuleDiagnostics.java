package org.sigmascope.sigma.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.detection.AnyOfMatcher;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.RegexMatcher;
import org.sigmascope.sigma.detection.SearchIdentifier;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * Diagnostics per rule: loaded; not loadable, and why; cannot fire, and why — because the logsource mapping has no
 * events for its logsource, because the evidence has none of its logsource's events, or because every way its
 * condition can hold needs a field those events never have (OriginalFileName on evidence that only has Security
 * 4688, say).
 */
public final class RuleDiagnostics {
    private RuleDiagnostics() {
    }

    /** What is known without evidence: which rules loaded, which did not, which no event log can feed. */
    public static List<RuleStatus> of(RuleSet rules, LogsourceMapping mapping) {
        return of(rules, mapping, null);
    }

    /**
     * @param evidence what the evidence holds, or {@code null} to judge the rules without evidence
     */
    public static List<RuleStatus> of(RuleSet rules, LogsourceMapping mapping, EvidenceProfile evidence) {
        Map<String, List<String>> warnings = warningsByPath(rules.warnings());
        List<RuleStatus> statuses = new ArrayList<>();
        for (SigmaRule rule : rules.rules()) {
            statuses.add(judge(rule, mapping, evidence, warnings.getOrDefault(rule.path(), List.of())));
        }
        for (Diagnostic failure : rules.failures()) {
            statuses.add(new RuleStatus(null, null, failure.file(), (int) failure.line(), "",
                    RuleStatus.State.NOT_LOADABLE, RuleStatus.Cause.LOAD_ERROR, failure.message(), List.of()));
        }
        for (Diagnostic duplicate : rules.duplicates()) {
            statuses.add(new RuleStatus(null, null, duplicate.file(), (int) duplicate.line(), "",
                    RuleStatus.State.DUPLICATE, RuleStatus.Cause.DUPLICATE, duplicate.message(), List.of()));
        }
        return statuses;
    }

    private static RuleStatus judge(SigmaRule rule, LogsourceMapping mapping, EvidenceProfile evidence,
                                    List<String> loadWarnings) {
        List<String> warnings = new ArrayList<>(loadWarnings);
        long abandoned = abandonedSearches(rule);
        if (abandoned > 0) {
            warnings.add("its regular expressions gave up on " + abandoned + " long event values (too slow); "
                    + "those values counted as not matching");
        }
        List<SourceBinding> bindings = mapping.bindingsFor(rule.logsource());
        if (bindings.isEmpty()) {
            return status(rule, RuleStatus.State.CANNOT_FIRE, RuleStatus.Cause.UNMAPPED_LOGSOURCE,
                    "the logsource mapping (" + mapping.path() + ") has no events for the logsource "
                            + rule.logsource(), warnings);
        }
        if (evidence == null) {
            return status(rule, RuleStatus.State.LOADED, RuleStatus.Cause.NONE, "", warnings);
        }
        Map<EvidenceProfile.Kind, Set<String>> fitting = new LinkedHashMap<>();
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<EvidenceProfile.Kind, Set<String>> kind : evidence.kinds().entrySet()) {
            for (SourceBinding binding : bindings) {
                if (binding.fits(kind.getKey().channel(), kind.getKey().eventId())) {
                    fitting.put(kind.getKey(), kind.getValue());
                    Reachability.Result result = Reachability.of(rule, item -> lacking(item, kind.getKey(), binding,
                            kind.getValue()));
                    if (result.canHold()) {
                        return status(rule, RuleStatus.State.LOADED, RuleStatus.Cause.NONE, "", warnings);
                    }
                    missing.addAll(result.missing());
                }
            }
        }
        if (fitting.isEmpty()) {
            Set<String> labels = new LinkedHashSet<>();
            bindings.forEach(b -> labels.add(b.label()));
            return status(rule, RuleStatus.State.CANNOT_FIRE, RuleStatus.Cause.NO_EVENTS, "the evidence has no "
                    + "events of its logsource " + rule.logsource() + " (" + String.join("; ", labels) + ")", warnings);
        }
        return status(rule, RuleStatus.State.CANNOT_FIRE, RuleStatus.Cause.MISSING_FIELDS, "its events in this "
                + "evidence (" + String.join("; ", fitting.keySet().stream().map(Object::toString).sorted().toList())
                + ") lack what its condition needs: " + String.join(", ", missing),
                warnings);
    }

    /**
     * What events of this kind lack for the item to hold: its field, or the event id or channel it asks for (both
     * are the same for every event of a kind); {@code null} when the item may hold.
     */
    private static String lacking(FieldCondition item, EvidenceProfile.Kind kind, SourceBinding binding,
                                  Set<String> fields) {
        if (item.needsField() && !binding.canHave(item.field(), fields)) {
            return item.field();
        }
        if (!item.negated() && ("EventID".equals(item.field()) || "Channel".equals(item.field()))) {
            Object value = "EventID".equals(item.field()) ? (Object) (long) kind.eventId() : kind.channel();
            EventView constant = EventView.of(Fields.of(Map.of(item.field(), value)));
            if (item.evaluate(constant) == null) {
                return item.field() + " " + String.join("/", item.matchers().stream()
                        .map(ValueMatcher::ruleValue).toList());
            }
        }
        return null;
    }

    private static RuleStatus status(SigmaRule rule, RuleStatus.State state, RuleStatus.Cause cause, String reason,
                                     List<String> warnings) {
        return new RuleStatus(rule.id(), rule.title(), rule.path(), rule.line(), rule.info().product(), state, cause,
                reason, warnings);
    }

    private static Map<String, List<String>> warningsByPath(List<Diagnostic> warnings) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (Diagnostic warning : warnings) {
            byPath.computeIfAbsent(warning.file(), k -> new ArrayList<>())
                    .add("line " + warning.line() + ": " + warning.message());
        }
        return byPath;
    }

    /** How many searches the rule's regular expressions gave up so far (they count while scans run). */
    public static long abandonedSearches(SigmaRule rule) {
        long total = 0;
        for (SearchIdentifier identifier : rule.identifiers().values()) {
            for (List<FieldCondition> alternative : identifier.alternatives()) {
                for (FieldCondition item : alternative) {
                    for (ValueMatcher matcher : item.matchers()) {
                        total += abandoned(matcher);
                    }
                }
            }
        }
        return total;
    }

    private static long abandoned(ValueMatcher matcher) {
        if (matcher instanceof RegexMatcher regex) {
            return regex.abandoned();
        }
        if (matcher instanceof AnyOfMatcher anyOf) {
            return anyOf.alternatives().stream().mapToLong(RuleDiagnostics::abandoned).sum();
        }
        return 0;
    }

    /** Counts per cause, for one-line summaries. */
    public static Map<RuleStatus.Cause, Integer> countByCause(List<RuleStatus> statuses) {
        Map<RuleStatus.Cause, Integer> counts = new LinkedHashMap<>();
        for (RuleStatus.Cause cause : RuleStatus.Cause.values()) {
            counts.put(cause, 0);
        }
        statuses.forEach(s -> counts.merge(s.cause(), 1, Integer::sum));
        return counts;
    }
}
