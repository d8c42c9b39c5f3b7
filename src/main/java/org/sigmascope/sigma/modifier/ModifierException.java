package org.sigmascope.sigma.modifier;

/** A modifier that is unknown, misplaced, or cannot apply to the value it was given. */
public final class ModifierException extends Exception {
    public ModifierException(String message) {
        super(message);
    }
}
