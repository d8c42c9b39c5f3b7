package org.sigmascope.sigma.modifier;

import java.math.BigDecimal;

import org.sigmascope.sigma.detection.CompareMatcher;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code lt}, {@code lte}, {@code gt}, {@code gte}: the field, read as a number, is less than (or equal to),
 * greater than (or equal to) the value, which must be a number.
 */
final class Compare implements Modifier {
    private final CompareMatcher.Operator operator;

    Compare(CompareMatcher.Operator operator) {
        this.operator = operator;
    }

    @Override
    public String name() {
        return operator.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        BigDecimal number = null;
        if (value instanceof SigmaValue.Number n) {
            number = n.value();
        } else if (value instanceof org.sigmascope.sigma.detection.SigmaString s && s.plainText() != null) {
            number = CompareMatcher.numberOf(s.plainText());
        }
        if (number == null) {
            throw new ModifierException("the modifier '" + name() + "' needs a number, not "
                    + ModifierChain.describe(value));
        }
        return new SigmaValue.Compare(operator, number);
    }
}
