package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * A Sigma value modifier ({@code field|name}). Modifiers run left to right over each value of the item: each
 * transforms the value the one before it produced (pySigma {@code sigma/modifiers.py}), or sets a flag on the
 * whole item ({@code all}, {@code cased}, {@code neq}). The chain applies a modifier to each alternative of an
 * {@link SigmaValue.Expansion} separately.
 */
public interface Modifier {

    /** The name as written in rules. */
    String name();

    /** Transforms one value (never an expansion), or refuses it with a reason. */
    SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException;
}
