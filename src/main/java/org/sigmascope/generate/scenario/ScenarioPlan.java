package org.sigmascope.generate.scenario;

import org.sigmascope.generate.event.Injection;

/**
 * One scenario to inject: which, on which host, when.
 *
 * @param id        its id in the ground truth ({@code S01} …)
 * @param kind      the scenario
 * @param host      the host's index (0-based)
 * @param offsetTicks when it starts, in FILETIME ticks after the start of the simulated window
 */
public record ScenarioPlan(String id, ScenarioKind kind, int host, long offsetTicks) {

    public Injection injection() {
        return new Injection(id, kind.id(), kind.technique(), kind.decoy());
    }
}
