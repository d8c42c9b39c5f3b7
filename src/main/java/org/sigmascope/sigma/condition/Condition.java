package org.sigmascope.sigma.condition;

import java.util.List;

/** The condition of a Sigma rule, as an immutable tree. */
public sealed interface Condition {

    /** A reference to a search identifier. */
    record Identifier(String name) implements Condition {
    }

    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    /**
     * {@code 1 of P}, {@code any of P}, {@code all of P}: P is an identifier pattern with {@code *} or
     * {@code them}. Exists only between parsing and {@link OfResolver resolution}.
     */
    record Of(Quantifier quantifier, String pattern) implements Condition {
    }

    enum Quantifier { ONE, ALL }
}
