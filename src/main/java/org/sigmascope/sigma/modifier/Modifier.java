package org.sigmascope.sigma.modifier;

import java.util.List;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * A Sigma value modifier ({@code field|name}). Modifiers run left to right: each transforms the values the one
 * before it produced, or sets a flag on the chain ({@code all}, {@code cased}).
 */
public interface Modifier {

    /** The name as written in rules. */
    String name();

    /** Transforms the item's values; the default leaves them as they are. */
    default List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) throws ModifierException {
        return values;
    }
}
