package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code fieldref}: the value names another field of the same event, whose value the field is compared with
 * (whole, or as substring/prefix/suffix with a following {@code contains}/{@code startswith}/{@code endswith}).
 */
final class FieldRef implements Modifier {
    @Override
    public String name() {
        return "fieldref";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        String other = Strings.requirePlain(value, name(), context);
        if (other.isBlank()) {
            throw new ModifierException("the modifier 'fieldref' needs a field name");
        }
        return new SigmaValue.FieldRef(other, false, false);
    }
}
