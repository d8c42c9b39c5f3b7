package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code contains}: the value may stand anywhere in the field. On {@code re} it changes nothing (a regular
 * expression is already searched for anywhere); after {@code fieldref}, the other field's value is a substring.
 */
final class Contains implements Modifier {
    @Override
    public String name() {
        return "contains";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (value instanceof SigmaValue.Regex) {
            return value;
        }
        if (value instanceof SigmaValue.FieldRef ref) {
            return new SigmaValue.FieldRef(ref.field(), true, true);
        }
        return Strings.requireString(value, name(), context).withLeadingAnyRun().withTrailingAnyRun();
    }
}
