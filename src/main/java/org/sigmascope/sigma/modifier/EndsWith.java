package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code endswith}: the field ends with the value. On {@code re} it changes nothing (pySigma only prepends
 * {@code .*}, which a search does not need); after {@code fieldref}, the other field's value is a suffix.
 */
final class EndsWith implements Modifier {
    @Override
    public String name() {
        return "endswith";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (value instanceof SigmaValue.Regex) {
            return value;
        }
        if (value instanceof SigmaValue.FieldRef ref) {
            return new SigmaValue.FieldRef(ref.field(), ref.startsWith(), true);
        }
        return Strings.requireString(value, name(), context).withLeadingAnyRun();
    }
}
