package org.sigmascope.sigma.condition;

/** A condition that cannot be parsed or resolved; {@link #position()} is the 0-based column, or -1. */
public final class ConditionException extends Exception {
    private final int position;

    public ConditionException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
