package org.sigmascope.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.correlation.CorrelationRun;
import org.sigmascope.sigma.correlation.RunLimits;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.logsource.SourceBinding;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CaseWriter;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.store.EventRows;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Brings a case's correlation hits in line with its events and rules: the rules correlations refer to are matched
 * against the stored events they can fire on (the query skips every other channel and event id), and the
 * correlations are evaluated over those matches in event-time order, as a scan evaluates them. Every hit of every
 * correlation is replaced, because new evidence can complete a sequence whose first events came with earlier
 * evidence.
 *
 * <p>Crash safety as for re-scans: the correlations are forgotten first ({@link #invalidate}, before an import
 * starts) and recorded once all their hits are written, so a pass that is cut short is simply run again by the next
 * re-scan.
 */
public final class CaseCorrelations {
    private static final int READ_BATCH = 5_000;

    private CaseCorrelations() {
    }

    /**
     * What a pass did.
     *
     * @param correlations correlation rules evaluated
     * @param events       stored events matched against their rules
     * @param hits         hits written (of correlations that report on their own)
     * @param notes        what the correlations had to leave out, and why
     */
    public record Summary(int correlations, long events, long hits, List<String> notes) {
        public Summary {
            notes = List.copyOf(notes);
        }
    }

    /** Forgets the hits of every correlation, so that an interrupted import leaves them to be evaluated again. */
    public static void invalidate(CaseStore store, CaseRules rules) throws IOException {
        store.rules().forget(rules.correlationIds());
    }

    public static Summary run(CaseStore store, CaseRules rules, CommitPolicy policy, Progress progress,
                              Cancellation cancellation) throws IOException {
        CorrelationPlan plan = rules.correlations();
        List<String> ids = rules.correlationIds();
        if (plan.isEmpty()) {
            return new Summary(0, 0, 0, List.of());
        }
        store.rules().forget(ids);
        CorrelationRun run = plan.start(RunLimits.CASE);
        long events = feed(store, rules.baseEngine(), plan, run, progress, cancellation);
        List<Detection> hits = run.finish();
        Map<String, String> hashes = rules.hashes();
        try (CaseWriter writer = store.writer(policy)) {
            for (Detection hit : hits) {
                cancellation.check();
                writer.append(hit, hashes.get(hit.rule().id()));
                writer.commitIfDue();
            }
            writer.commit();
        }
        store.rules().record(rules.stored(new HashSet<>(ids)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("correlations", ids.size());
        detail.put("rules_hash", rules.setHash());
        detail.put("events", events);
        detail.put("hits", hits.size());
        detail.put("notes", run.notes());
        store.audit().record("correlate", detail);
        return new Summary(ids.size(), events, hits.size(), run.notes());
    }

    /** Matches the stored events the base rules can fire on, in id order, and offers their matches to the run. */
    private static long feed(CaseStore store, RuleEngine engine, CorrelationPlan plan, CorrelationRun run,
                             Progress progress, Cancellation cancellation) throws IOException {
        List<Object> params = new ArrayList<>();
        String where = where(plan.baseBindings(), params);
        long total = store.db().number("SELECT count(*) FROM events e WHERE " + where, params.toArray());
        long after = 0;
        long done = 0;
        while (true) {
            cancellation.check();
            List<Object> batch = new ArrayList<>(params);
            batch.add(0, after);
            batch.add(READ_BATCH);
            List<Event> events = store.db().list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE e.id > ? AND ("
                    + where + ") ORDER BY e.id LIMIT ?", batch, r -> EventRows.event(r, 1));
            if (events.isEmpty()) {
                return done;
            }
            for (Event event : events) {
                engine.match(event, run::offer);
            }
            done += events.size();
            after = events.get(events.size() - 1).id();
            progress.update(done, total, "Correlating stored events");
        }
    }

    /**
     * The SQL condition for the events some binding can see: per binding, its channels (without case) and event ids;
     * {@code TRUE} when one of them sees every channel.
     */
    static String where(List<SourceBinding> bindings, List<Object> params) {
        List<String> terms = new ArrayList<>();
        for (SourceBinding binding : bindings) {
            if (binding.evidence() == SourceBinding.Evidence.OTHER) {
                terms.add("coalesce(e.channel, '') = ''");
                continue;
            }
            if (binding.channels().isEmpty()) {
                params.clear();
                return "TRUE";
            }
            Set<String> channels = new TreeSet<>();
            binding.channels().forEach(c -> channels.add(c.toLowerCase(Locale.ROOT)));
            StringBuilder term = new StringBuilder("(lower(e.channel) IN (")
                    .append(String.join(", ", Collections.nCopies(channels.size(), "?"))).append(')');
            params.addAll(channels);
            if (!binding.eventIds().isEmpty()) {
                Set<Integer> eventIds = new TreeSet<>(binding.eventIds());
                term.append(" AND e.event_id IN (").append(String.join(", ", Collections.nCopies(eventIds.size(),
                        "?"))).append(')');
                params.addAll(eventIds);
            }
            terms.add(term.append(')').toString());
        }
        return terms.isEmpty() ? "FALSE" : String.join(" OR ", terms);
    }
}
