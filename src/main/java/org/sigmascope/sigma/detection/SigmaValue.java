package org.sigmascope.sigma.detection;

/**
 * A rule value on its way through the modifier chain, before it becomes a {@link ValueMatcher}.
 * New value kinds (regular expressions, networks, numbers to compare) join this family as modifiers need them.
 */
public sealed interface SigmaValue permits SigmaString, SigmaValue.Null {

    /** The YAML {@code null}: the field is absent or null. */
    record Null() implements SigmaValue {
    }
}
