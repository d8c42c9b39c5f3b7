package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.sigmascope.sigma.SigmaCorrelation;

/**
 * What a correlation measures over the matches of a window, kept up to date as matches enter and leave it. One
 * instance per group of one run: not thread-safe.
 */
abstract class Measure {

    /** The measure of a correlation's type. */
    static Measure of(SigmaCorrelation correlation) {
        int rules = correlation.rules().size();
        String fields = String.join(", ", correlation.condition().fields());
        return switch (correlation.type()) {
            case EVENT_COUNT -> new EventCount();
            case VALUE_COUNT -> new DistinctValues(fields);
            case TEMPORAL -> new RulesPresent(rules);
            case TEMPORAL_ORDERED -> new RulesInOrder(rules);
            case VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE, VALUE_MEDIAN -> new NumericValues(correlation.type(),
                    correlation.condition().percentile(), fields);
        };
    }

    abstract void add(Entry entry);

    abstract void remove(Entry entry);

    /** The measured value of the window (its entries in order), or NaN when there is nothing to measure. */
    abstract double value(Collection<Entry> window);

    /** What is measured, for explanations: {@code events}, {@code distinct values of User} … */
    abstract String describe();

    /**
     * The entries that make a window whose value passed the condition, to add to the hit. The counting measures take
     * every entry with a value; when the window continues a hit, those already in it are the window's older
     * entries, so only the arrived one is new.
     */
    List<Entry> participants(Collection<Entry> window, Entry arrived, boolean continuing,
                             CorrelationCondition condition) {
        if (continuing) {
            return counts(arrived) ? List.of(arrived) : List.of();
        }
        List<Entry> all = new ArrayList<>(window.size());
        for (Entry entry : window) {
            if (counts(entry)) {
                all.add(entry);
            }
        }
        return all;
    }

    /** Whether the entry takes part in the measure (it has the measured field). */
    boolean counts(Entry entry) {
        return true;
    }
}
