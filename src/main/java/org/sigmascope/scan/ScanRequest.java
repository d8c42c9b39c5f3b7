package org.sigmascope.scan;

import java.nio.file.Path;
import java.util.List;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Level;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.eval.RuleEngine;

/**
 * What to scan and with what.
 *
 * @param inputs       evidence files and folders
 * @param engine       the rules, ready to match
 * @param options      how to read the evidence
 * @param minLevel     detections below this level are not reported
 * @param firstId      the id of the first event (a case continues its numbering)
 * @param firstSource  the id of the first source
 * @param correlations the correlation rules run over the engine's matches ({@link CorrelationPlan#NONE} for none)
 */
public record ScanRequest(List<Path> inputs, RuleEngine engine, ReadOptions options, Level minLevel, long firstId,
                          int firstSource, CorrelationPlan correlations) {
    public ScanRequest {
        inputs = List.copyOf(inputs);
        correlations = correlations == null ? CorrelationPlan.NONE : correlations;
    }

    /** A scan without correlations. */
    public ScanRequest(List<Path> inputs, RuleEngine engine, ReadOptions options, Level minLevel, long firstId,
                       int firstSource) {
        this(inputs, engine, options, minLevel, firstId, firstSource, CorrelationPlan.NONE);
    }

    /** The same scan, with correlation rules. */
    public ScanRequest withCorrelations(CorrelationPlan plan) {
        return new ScanRequest(inputs, engine, options, minLevel, firstId, firstSource, plan);
    }
}
