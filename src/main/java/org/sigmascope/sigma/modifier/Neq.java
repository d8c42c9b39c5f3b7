package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code neq}: the item is negated, as pySigma's {@code SigmaNegateModifier} does: {@code field|neq: x} holds when
 * the field does not match {@code x}, also when the field is absent; with a list, when it matches none of them.
 */
final class Neq implements Modifier {
    @Override
    public String name() {
        return "neq";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) {
        context.negated = true;
        return value;
    }
}
