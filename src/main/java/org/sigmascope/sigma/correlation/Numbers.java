package org.sigmascope.sigma.correlation;

import java.util.List;
import java.util.regex.Pattern;

/** Field values as correlations read them: text for grouping and counting, numbers for sums and averages. */
final class Numbers {
    /** Decimal numbers only: Java's own parser also takes {@code NaN}, {@code 1d} and hexadecimal floats. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Numbers() {
    }

    /** A number as people write it: {@code 5}, not {@code 5.0}. */
    static String text(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** The text of a field value, or {@code null} when absent or null; integral doubles lose their {@code .0}. */
    static String valueText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return text(d);
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return value.toString();
    }

    /** The value as a number (decimal text and {@code 0x} hexadecimal too), or NaN when it is not one. */
    static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (!(value instanceof String s)) {
            return Double.NaN;
        }
        String text = s.trim();
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (!DECIMAL.matcher(text).matches()) {
                return Double.NaN;
            }
            double parsed = Double.parseDouble(text);
            return Double.isFinite(parsed) ? parsed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
