package org.sigmascope.sigma.correlation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of Sigma correlation (specification 2.1, "Correlation Types"), plus pySigma's {@code value_median}.
 * What each measures over the matches of a time window is in docs/correlations.md.
 */
public enum CorrelationType {
    /** How many matches. */
    EVENT_COUNT,
    /** How many distinct values of a field. */
    VALUE_COUNT,
    /** How many of the referenced rules matched, in any order. */
    TEMPORAL,
    /** How many of the referenced rules matched in the order given. */
    TEMPORAL_ORDERED,
    /** The sum of a numeric field. */
    VALUE_SUM,
    /** The mean of a numeric field. */
    VALUE_AVG,
    /** A percentile of a numeric field. */
    VALUE_PERCENTILE,
    /** The median of a numeric field (pySigma; not in the 2.1 specification). */
    VALUE_MEDIAN;

    /** The name rule files use: {@code event_count}, {@code temporal_ordered} … */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CorrelationType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.sigmaName().equals(text)).findFirst();
    }

    /** The names of every type, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(CorrelationType::sigmaName).collect(Collectors.joining(", "));
    }

    /** Whether the type counts referenced rules ({@code temporal}, {@code temporal_ordered}). */
    public boolean temporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** Whether the condition must name the field whose values are measured. */
    public boolean needsField() {
        return this != EVENT_COUNT && !temporal();
    }

    /** Whether the field's values are taken as numbers. */
    public boolean numeric() {
        return needsField() && this != VALUE_COUNT;
    }
}
