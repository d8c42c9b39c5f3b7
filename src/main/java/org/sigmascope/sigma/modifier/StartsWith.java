package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code startswith}: the field begins with the value. On {@code re} it changes nothing (pySigma only appends
 * {@code .*}, which a search does not need); after {@code fieldref}, the other field's value is a prefix.
 */
final class StartsWith implements Modifier {
    @Override
    public String name() {
        return "startswith";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (value instanceof SigmaValue.Regex) {
            return value;
        }
        if (value instanceof SigmaValue.FieldRef ref) {
            return new SigmaValue.FieldRef(ref.field(), true, ref.endsWith());
        }
        return Strings.requireString(value, name(), context).withTrailingAnyRun();
    }
}
