package org.sigmascope.sigma.detection;

import java.math.BigDecimal;

/**
 * {@code field|lt: 5} and the other numeric comparisons. The event value is read as a number: a JSON number, or
 * text in decimal (also with a fraction or exponent) or {@code 0x} hexadecimal, as Windows writes process ids and
 * access masks. A value that is not a number never matches.
 */
public record CompareMatcher(Operator operator, BigDecimal number, String ruleValue) implements ValueMatcher {

    public enum Operator {
        LT("<"), LTE("<="), GT(">"), GTE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LTE -> comparison <= 0;
                case GT -> comparison > 0;
                case GTE -> comparison >= 0;
            };
        }
    }

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        BigDecimal actual = numberOf(value);
        if (actual == null || !operator.holds(actual.compareTo(number))) {
            return null;
        }
        return Hit.WHOLE.withCompared(operator.symbol() + " " + number.toPlainString());
    }

    /** A number out of an event value, or {@code null} when it is not one. */
    public static BigDecimal numberOf(Object value) {
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return new BigDecimal(new java.math.BigInteger(t.substring(2), 16));
                }
                return t.isEmpty() || t.length() > 100 ? null : new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
