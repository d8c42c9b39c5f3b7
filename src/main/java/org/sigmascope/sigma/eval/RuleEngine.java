package org.sigmascope.sigma.eval;

import java.util.function.Consumer;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;

/**
 * Matches events against a set of rules. Implementations are thread-safe: scans call {@link #match} from
 * several threads at once.
 */
public interface RuleEngine {

    /** Offers one event; each rule that matches gives one detection to the sink, in rule order. */
    void match(Event event, Consumer<Detection> sink);
}
