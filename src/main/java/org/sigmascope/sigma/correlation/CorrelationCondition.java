package org.sigmascope.sigma.correlation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * When a correlation fires: the comparisons its measured value must pass (all of them: two make a range), the
 * field(s) it measures, and for {@code value_percentile} which percentile.
 *
 * @param thresholds the comparisons, at least one
 * @param fields     the measured field, or fields (their combined values for {@code value_count}); empty for
 *                   {@code event_count} and the temporal types
 * @param percentile the percentile (0 to 100) of {@code value_percentile}, else -1
 */
public record CorrelationCondition(List<Threshold> thresholds, List<String> fields, int percentile) {
    /** pySigma's default when a {@code value_percentile} condition names none. */
    public static final int DEFAULT_PERCENTILE = 95;

    public CorrelationCondition {
        thresholds = List.copyOf(thresholds);
        fields = List.copyOf(fields);
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one comparison");
        }
    }

    /** The condition of a temporal correlation that names none: every referenced rule ({@code gte} their count). */
    public static CorrelationCondition allOf(int rules) {
        return new CorrelationCondition(List.of(new Threshold(Threshold.Operator.GTE, rules)), List.of(), -1);
    }

    public boolean test(double measured) {
        for (Threshold threshold : thresholds) {
            if (!threshold.test(measured)) {
                return false;
            }
        }
        return true;
    }

    /** {@code gt 100 and lte 200}. */
    @Override
    public String toString() {
        return thresholds.stream().map(Threshold::toString).collect(Collectors.joining(" and "));
    }
}
