package org.sigmascope.sigma.correlation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code value_count}: how many distinct values of the field (or combinations of the fields) the window's matches
 * hold. Values are compared as text, exactly; a match without the field does not count.
 */
final class DistinctValues extends Measure {
    private final Map<Object, Integer> counts = new HashMap<>();
    private final String fields;

    DistinctValues(String fields) {
        this.fields = fields;
    }

    @Override
    void add(Entry entry) {
        if (entry.value() != null) {
            counts.merge(entry.value(), 1, Integer::sum);
        }
    }

    @Override
    void remove(Entry entry) {
        if (entry.value() != null) {
            counts.computeIfPresent(entry.value(), (value, n) -> n == 1 ? null : n - 1);
        }
    }

    @Override
    double value(Collection<Entry> window) {
        return counts.size();
    }

    @Override
    String describe() {
        return "distinct values of " + fields;
    }

    @Override
    boolean counts(Entry entry) {
        return entry.value() != null;
    }
}
