package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/** {@code cased}: compare case-sensitively (strings, and {@code fieldref}). Regular expressions use {@code i}. */
final class Cased implements Modifier {
    @Override
    public String name() {
        return "cased";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (!(value instanceof SigmaValue.FieldRef) && Strings.asString(value) == null) {
            throw context.cannotApply(name(), value);
        }
        context.cased = true;
        return value;
    }
}
