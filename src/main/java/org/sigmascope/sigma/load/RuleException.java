package org.sigmascope.sigma.load;

/** A rule that cannot be loaded, and the 1-based line of the rule file that says why. */
public final class RuleException extends Exception {
    private final int line;

    public RuleException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
