package org.sigmascope.scan;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sigmascope.model.Event;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CaseWriter;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.store.EventRows;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Brings a case's detections in line with a rule set, from the stored events, without reading the evidence again:
 * only the rules that are new or whose content changed are matched, and only their detections (and those of
 * removed rules) are replaced. Each changed rule is forgotten first and recorded only once its detections are all
 * written, so a re-scan cut short is simply run again.
 */
public final class CaseRescan {
    /** Events read from the case at a time. */
    private static final int READ_BATCH = 5_000;

    private CaseRescan() {
    }

    /**
     * What a re-scan did.
     *
     * @param changed    rules matched again (new, or changed since the last scan)
     * @param removed    rules whose detections were removed
     * @param events     stored events matched
     * @param detections detections the changed rules gave
     */
    public record Summary(int changed, int removed, long events, long detections) {
    }

    public static Summary run(CaseStore store, CaseRules rules, CommitPolicy policy, Progress progress,
                              Cancellation cancellation) throws IOException {
        Map<String, String> stored = store.rules().hashes();
        Map<String, String> current = rules.hashes();
        Set<String> changed = new TreeSet<>();
        current.forEach((id, hash) -> {
            if (!hash.equals(stored.get(id))) {
                changed.add(id);
            }
        });
        Set<String> removed = new TreeSet<>(stored.keySet());
        removed.removeAll(current.keySet());
        // Rules with detections but no record: a re-scan of them was cut short. Start them over.
        Set<String> stale = new TreeSet<>(removed);
        for (String id : store.db().list("SELECT DISTINCT rule_id FROM detections", List.of(), r -> r.getString(1))) {
            if (changed.contains(id) || !current.containsKey(id) || !stored.containsKey(id)) {
                stale.add(id);
            }
        }
        for (String id : changed) {
            if (stored.containsKey(id)) {
                stale.add(id);
            }
        }
        if (changed.isEmpty() && stale.isEmpty()) {
            return new Summary(0, 0, 0, 0);
        }
        store.rules().forget(List.copyOf(stale));
        long[] counts = {0, 0};
        long total = store.eventCount();
        if (!changed.isEmpty() && total > 0) {
            matchStored(store, rules, changed, current, policy, progress, cancellation, total, counts);
        }
        store.rules().record(rules.stored(changed));
        if (total == 0) {
            // A case without events only takes the rule set; the import that follows logs it.
            return new Summary(changed.size(), removed.size(), 0, 0);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rules", current.size());
        detail.put("rules_hash", rules.setHash());
        detail.put("changed", changed.size());
        detail.put("removed", removed.size());
        detail.put("events", counts[0]);
        detail.put("detections", counts[1]);
        store.audit().record("rescan", detail);
        return new Summary(changed.size(), removed.size(), counts[0], counts[1]);
    }

    private static void matchStored(CaseStore store, CaseRules rules, Set<String> changed, Map<String, String> hashes,
                                    CommitPolicy policy, Progress progress, Cancellation cancellation, long total,
                                    long[] counts) throws IOException {
        RuleEngine engine = rules.engineFor(new HashSet<>(changed));
        try (CaseWriter writer = store.writer(policy)) {
            long after = 0;
            while (true) {
                cancellation.check();
                List<Event> events = store.db().list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE e.id > ? "
                        + "ORDER BY e.id LIMIT ?", List.of(after, READ_BATCH), r -> EventRows.event(r, 1));
                if (events.isEmpty()) {
                    break;
                }
                for (Event event : events) {
                    IOException[] failure = {null};
                    engine.match(event, detection -> {
                        try {
                            writer.append(detection, hashes.get(detection.rule().id()));
                            counts[1]++;
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    });
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                    writer.commitIfDue();
                }
                counts[0] += events.size();
                after = events.get(events.size() - 1).id();
                progress.update(counts[0], total, "Re-scanning stored events");
            }
            writer.commit();
        }
    }
}
