package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/** {@code all}: every value of the list must match, instead of any. Refused on a single value. */
final class All implements Modifier {
    @Override
    public String name() {
        return "all";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) {
        context.all = true;
        return value;
    }
}
