package org.sigmascope.caseview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Level;
import org.sigmascope.report.AttackTactics;
import org.sigmascope.store.Db;

/**
 * The detections of a case summed up the ways an analyst first looks at them: by level, by rule, by ATT&amp;CK
 * tactic and technique, and by host. Each count carries the timeline query that shows its events.
 *
 * @param detections all detections
 * @param events     events with at least one detection
 * @param levels     by level, most severe first
 * @param rules      by rule, most detections first
 * @param tactics    by ATT&amp;CK tactic (from the rules' tags), in the matrix's order
 * @param techniques by ATT&amp;CK technique, most detections first
 * @param hosts      by computer, most detections first
 */
public record DetectionSummary(long detections, long events, List<Count> levels, List<Count> rules,
                               List<Count> tactics, List<Count> techniques, List<Count> hosts) {
    public DetectionSummary {
        levels = List.copyOf(levels);
        rules = List.copyOf(rules);
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        hosts = List.copyOf(hosts);
    }

    /**
     * One line of the summary.
     *
     * @param label what is counted (a level, a rule title, a tactic, a technique id, a host name)
     * @param count detections
     * @param level the highest level among them
     * @param query the timeline query that keeps their events
     */
    public record Count(String label, long count, Level level, String query) {
    }

    public static DetectionSummary empty() {
        return new DetectionSummary(0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Sums up the detections of a case (a few group-bys; fast on any case size). */
    public static DetectionSummary of(Db db) throws IOException {
        long[] totals = db.first("SELECT count(*), count(DISTINCT event_id) FROM detections", List.of(),
                r -> new long[] {r.getLong(1), r.getLong(2)}).orElse(new long[2]);
        List<Count> levels = db.list("SELECT level_rank, count(*) FROM detections GROUP BY level_rank "
                + "ORDER BY level_rank DESC", List.of(), r -> {
                    Level level = Level.values()[r.getInt(1)];
                    return new Count(level.sigmaName(), r.getLong(2), level, "level:" + level.sigmaName());
                });
        List<RuleRow> ruleRows = db.list("SELECT d.rule_id, coalesce(r.title, d.rule_id), max(d.level_rank), "
                + "count(*), r.tags FROM detections d LEFT JOIN rules r ON r.id = d.rule_id "
                + "GROUP BY d.rule_id, r.title, r.tags ORDER BY count(*) DESC, 2", List.of(),
                r -> new RuleRow(r.getString(1), r.getString(2), Level.values()[r.getInt(3)], r.getLong(4),
                        tags(r.getString(5))));
        List<Count> rules = ruleRows.stream().map(r -> new Count(r.title, r.count, r.level,
                "rule:" + QueryTerms.quote(r.id))).toList();
        List<Count> hosts = db.list("SELECT e.computer, count(*), max(d.level_rank) FROM detections d "
                + "JOIN events e ON e.id = d.event_id GROUP BY e.computer ORDER BY count(*) DESC, 1", List.of(),
                r -> new Count(r.getString(1), r.getLong(2), Level.values()[r.getInt(3)],
                        "is:detected AND " + QueryTerms.equal("Computer", r.getString(1))));
        return new DetectionSummary(totals[0], totals[1], levels, rules, byTag(ruleRows, true),
                byTag(ruleRows, false), hosts);
    }

    private record RuleRow(String id, String title, Level level, long count, List<String> tags) {
    }

    /** Counts per tactic (in matrix order) or per technique (most first), with the rules that carry each. */
    private static List<Count> byTag(List<RuleRow> rules, boolean tactics) {
        Map<String, long[]> counts = tactics ? new LinkedHashMap<>() : new TreeMap<>();
        Map<String, List<String>> ruleIds = new LinkedHashMap<>();
        for (RuleRow rule : rules) {
            for (String name : tactics ? AttackTactics.of(rule.tags) : AttackTactics.techniques(rule.tags)) {
                long[] c = counts.computeIfAbsent(name, k -> new long[2]);
                c[0] += rule.count;
                c[1] = Math.max(c[1], rule.level.ordinal());
                ruleIds.computeIfAbsent(name, k -> new ArrayList<>()).add(rule.id);
            }
        }
        List<Count> result = new ArrayList<>();
        counts.forEach((name, c) -> result.add(new Count(name, c[0], Level.values()[(int) c[1]],
                QueryTerms.anyOf("rule", ruleIds.get(name)))));
        result.sort(tactics ? Comparator.comparingInt(c -> AttackTactics.rank(c.label()))
                : Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label));
        return result;
    }

    private static List<String> tags(String json) {
        List<String> tags = new ArrayList<>();
        if (json != null) {
            try {
                JsonCodec.MAPPER.readTree(json).forEach(node -> tags.add(node.asText()));
            } catch (IOException e) {
                return List.of();
            }
        }
        return tags;
    }
}
