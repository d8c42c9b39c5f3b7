package org.sigmascope.ui.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sigmascope.sigma.compiled.CompiledEngine;
import org.sigmascope.sigma.compiled.RuleStats;

/**
 * The cost accounting of one job (an import, a resume, a re-scan): the compiled engines it made, with accounting
 * on, and what each rule cost in them, summed by rule id. No JavaFX: engines are made on the job's thread.
 */
public final class RuleCosts {
    private final List<CompiledEngine> engines = new CopyOnWriteArrayList<>();

    /** Keeps an engine the job made, to read its figures when the job ends. */
    void add(CompiledEngine engine) {
        engines.add(engine);
    }

    /** Whether the job made an engine at all (a roll-back, or an import of nothing new, does not). */
    public boolean ran() {
        return !engines.isEmpty();
    }

    /**
     * Matching time per rule id, in ms, for every rule the job's engines held (0 for a rule that was never
     * evaluated: no event of its logsource, or none where a value it needs was present).
     */
    public Map<String, Double> millisPerRule() {
        Map<String, Double> millis = new HashMap<>();
        for (CompiledEngine engine : engines) {
            for (RuleStats stats : engine.ruleStats()) {
                millis.merge(stats.rule().id(), stats.nanos() / 1e6, Double::sum);
            }
        }
        return millis;
    }
}
