package org.sigmascope.sigma.correlation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code value_sum}, {@code value_avg}, {@code value_percentile} and {@code value_median} of a numeric field over
 * the window. Values that are not numbers (or absent) are left out, as pySigma does; a window without any number
 * measures nothing and does not fire. The sum is kept exactly, so that matches leaving the window do not leave
 * rounding behind.
 *
 * <p>The percentile is pySigma's: of the n values in ascending order, the one at index
 * {@code min(floor(n × p / 100), n − 1)}. The median is the middle value, or the mean of the two middle ones.
 */
final class NumericValues extends Measure {
    private final CorrelationType type;
    private final int percentile;
    private final String field;
    private final TreeMap<Double, Integer> values = new TreeMap<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private int count;

    NumericValues(CorrelationType type, int percentile, String field) {
        this.type = type;
        this.percentile = percentile;
        this.field = field;
    }

    @Override
    void add(Entry entry) {
        if (entry.value() instanceof Double d) {
            values.merge(d, 1, Integer::sum);
            sum = sum.add(new BigDecimal(d));
            count++;
        }
    }

    @Override
    void remove(Entry entry) {
        if (entry.value() instanceof Double d) {
            values.computeIfPresent(d, (value, n) -> n == 1 ? null : n - 1);
            sum = sum.subtract(new BigDecimal(d));
            count--;
        }
    }

    @Override
    double value(Collection<Entry> window) {
        if (count == 0) {
            return Double.NaN;
        }
        return switch (type) {
            case VALUE_SUM -> sum.doubleValue();
            case VALUE_AVG -> sum.doubleValue() / count;
            case VALUE_PERCENTILE -> at(Math.min((int) Math.floor(count * (double) percentile / 100), count - 1));
            default -> count % 2 == 1 ? at(count / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
        };
    }

    /** The value at this index of the ascending order. */
    private double at(int index) {
        int seen = 0;
        for (Map.Entry<Double, Integer> value : values.entrySet()) {
            seen += value.getValue();
            if (index < seen) {
                return value.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + count + " values");
    }

    @Override
    String describe() {
        return switch (type) {
            case VALUE_SUM -> "sum of " + field;
            case VALUE_AVG -> "average of " + field;
            case VALUE_PERCENTILE -> "percentile " + percentile + " of " + field;
            default -> "median of " + field;
        };
    }

    @Override
    boolean counts(Entry entry) {
        return entry.value() != null;
    }
}
