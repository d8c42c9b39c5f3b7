package org.sigmascope.sigma.correlation;

import java.util.Locale;
import java.util.Optional;

/**
 * One comparison of a correlation's condition: {@code gte: 100}. Several make a range, all of which must hold.
 *
 * @param operator how the measured value is compared
 * @param value    what it is compared with
 */
public record Threshold(Operator operator, double value) {

    /** The comparisons of the specification, and pySigma's {@code neq}. */
    public enum Operator {
        GT(">"), GTE(">="), LT("<"), LTE("<="), EQ("=="), NEQ("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String sigmaName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String symbol() {
            return symbol;
        }

        public static Optional<Operator> parse(String key) {
            for (Operator operator : values()) {
                if (operator.sigmaName().equals(key)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }
    }

    public boolean test(double measured) {
        return switch (operator) {
            case GT -> measured > value;
            case GTE -> measured >= value;
            case LT -> measured < value;
            case LTE -> measured <= value;
            case EQ -> measured == value;
            case NEQ -> measured != value;
        };
    }

    /** {@code gte 100}, the threshold as a rule writes it. */
    @Override
    public String toString() {
        return operator.sigmaName() + " " + Numbers.text(value);
    }
}
