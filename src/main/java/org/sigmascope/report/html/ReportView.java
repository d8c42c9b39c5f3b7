package org.sigmascope.report.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.report.AttackTactics;
import org.sigmascope.report.DetectionOrder;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;

/**
 * The report's data as the sections show it: detections at or above the level threshold in their one order, and
 * the counts the summary draws. Every collection here has a defined order (sorted lists, tree maps), never a hash
 * order, so the same data gives the same report.
 */
final class ReportView {
    /** A label and how many detections it has. */
    record Count(String label, long count) {
    }

    /** A rule that fired, with what it fired on. */
    record RuleRow(RuleInfo rule, long count, Instant first, Instant last, List<String> hosts) {
    }

    final ReportData data;
    final ReportOptions options;
    final List<Detection> detections;
    final Map<Level, Long> byLevel = new EnumMap<>(Level.class);
    final List<Count> byTactic = new ArrayList<>();
    final List<Count> byHost = new ArrayList<>();
    final List<RuleRow> byRule = new ArrayList<>();
    /** The index of the first detection on each event, for links from trees, correlations and tagged events. */
    final Map<Long, Integer> detectionOfEvent = new TreeMap<>();

    ReportView(ReportData data, ReportOptions options) {
        this.data = data;
        this.options = options;
        this.detections = data.detections().stream()
                .filter(d -> d.rule().level().atLeast(options.minLevel()))
                .sorted(DetectionOrder.CHRONOLOGICAL)
                .toList();
        for (Level level : Level.values()) {
            if (level.atLeast(options.minLevel())) {
                byLevel.put(level, 0L);
            }
        }
        Map<String, Long> tactics = new TreeMap<>();
        Map<String, Long> hosts = new TreeMap<>();
        Map<String, List<Detection>> rules = new TreeMap<>();
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            byLevel.merge(d.rule().level(), 1L, Long::sum);
            List<String> named = AttackTactics.of(d.rule().tags());
            if (named.isEmpty()) {
                tactics.merge(NO_TACTIC, 1L, Long::sum);
            }
            named.forEach(t -> tactics.merge(t, 1L, Long::sum));
            hosts.merge(d.event().computer().isEmpty() ? "(no computer name)" : d.event().computer(), 1L, Long::sum);
            rules.computeIfAbsent(d.rule().id() + "\u0000" + d.rule().title(), k -> new ArrayList<>()).add(d);
            detectionOfEvent.putIfAbsent(d.event().id(), i);
        }
        tactics.forEach((name, count) -> byTactic.add(new Count(name, count)));
        byTactic.sort(Comparator.comparingInt((Count c) -> AttackTactics.rank(c.label())).thenComparing(Count::label));
        hosts.forEach((name, count) -> byHost.add(new Count(name, count)));
        byHost.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label));
        rules.values().forEach(list -> byRule.add(ruleRow(list)));
        byRule.sort(Comparator.comparing((RuleRow r) -> r.rule().level()).reversed()
                .thenComparing(Comparator.comparingLong(RuleRow::count).reversed())
                .thenComparing(r -> r.rule().title())
                .thenComparing(r -> r.rule().id()));
    }

    static final String NO_TACTIC = "(no ATT&CK tactic tag)";

    private static RuleRow ruleRow(List<Detection> list) {
        TreeSet<String> hosts = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        for (Detection d : list) {
            hosts.add(d.event().computer());
            Instant t = d.event().timestamp();
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        return new RuleRow(list.get(0).rule(), list.size(), first, last, List.copyOf(hosts));
    }

    /** The id of a detection's element, {@code d-12}. */
    static String anchor(int index) {
        return "d-" + index;
    }

    /** Whether the detection at this index is shown in full (and so can be linked to). */
    boolean detailed(int index) {
        return index < options.detailLimit();
    }

    Instant first() {
        return detections.stream().map(d -> d.event().timestamp()).filter(t -> t != null).min(Comparator.naturalOrder())
                .orElse(null);
    }

    Instant last() {
        return detections.stream().map(d -> d.event().timestamp()).filter(t -> t != null).max(Comparator.naturalOrder())
                .orElse(null);
    }

    String time(Instant instant) {
        String text = org.sigmascope.report.Times.format(instant, options.zone());
        return text.isEmpty() ? "no time" : text;
    }
}
