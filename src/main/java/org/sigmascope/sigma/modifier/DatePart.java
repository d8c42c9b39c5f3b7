package org.sigmascope.sigma.modifier;

import java.util.Locale;

import org.sigmascope.sigma.detection.SigmaValue;
import org.sigmascope.sigma.detection.TimePartMatcher;

/**
 * {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, {@code year} (Sigma 2.1): that part of
 * the field's time, in UTC, equals the value, a whole number in the part's range.
 */
final class DatePart implements Modifier {
    private final TimePartMatcher.Part part;

    DatePart(TimePartMatcher.Part part) {
        this.part = part;
    }

    @Override
    public String name() {
        return part.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (value instanceof SigmaValue.Number n) {
            try {
                int number = n.value().intValueExact();
                if (part.accepts(number)) {
                    return new SigmaValue.TimePart(part, number);
                }
            } catch (ArithmeticException e) {
                // not a whole number: refused below
            }
        }
        throw new ModifierException("the modifier '" + name() + "' needs a whole number from " + part.range()
                + ", not " + ModifierChain.describe(value));
    }
}
