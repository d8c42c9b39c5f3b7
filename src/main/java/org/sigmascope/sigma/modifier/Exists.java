package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code exists: true|false}: the field is present (whatever its value, even null) or absent. It must be the only
 * modifier, on a field, with a boolean value.
 */
final class Exists implements Modifier {
    @Override
    public String name() {
        return "exists";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (context.field() == null) {
            throw new ModifierException("the modifier 'exists' needs a field name");
        }
        if (value instanceof SigmaValue.Bool bool) {
            return new SigmaValue.Exists(bool.value());
        }
        throw new ModifierException("the modifier 'exists' needs true or false, not " + ModifierChain.describe(value));
    }
}
