package org.sigmascope.sigma.diagnostics;

import java.util.List;

/**
 * What became of one rule: loaded and able to fire, not loadable (and why), or unable to fire on this evidence
 * (and why). The app lists these; {@code rules check} and {@code scan} print them.
 *
 * @param id       the rule's id, or {@code null} when it could not be read
 * @param title    the rule's title, or {@code null}
 * @param path     the rule file, as shown to the analyst
 * @param line     the line of the rule (or of what is wrong with it), or -1
 * @param product  the product of its logsource, or {@code ""}
 * @param state    loaded, not loadable, a duplicate, or cannot fire
 * @param cause    why, in a word, for summaries
 * @param reason   why, in a sentence; {@code ""} for a rule that loaded and can fire
 * @param warnings doubtful points of a loaded rule (metadata, regular expressions that gave up on long values)
 */
public record RuleStatus(String id, String title, String path, int line, String product, State state, Cause cause,
                         String reason, List<String> warnings) {
    public RuleStatus {
        product = product == null ? "" : product;
        warnings = List.copyOf(warnings);
    }

    public enum State {
        LOADED,
        NOT_LOADABLE,
        /** Not loaded: an earlier rule has the same id or name, and is used instead. */
        DUPLICATE,
        CANNOT_FIRE
    }

    public enum Cause {
        /** Loaded and able to fire. */
        NONE,
        /** The rule file or document is wrong, or uses what is not supported. */
        LOAD_ERROR,
        /** Another rule has the same id or name. */
        DUPLICATE,
        /** The logsource mapping has no events for the rule's logsource. */
        UNMAPPED_LOGSOURCE,
        /** The evidence has no events of the rule's logsource. */
        NO_EVENTS,
        /** Every way the condition can hold needs a field the evidence's events of that logsource never have. */
        MISSING_FIELDS
    }

    /** {@code path:line: reason}, the form editors and grep understand. */
    public String location() {
        return line >= 0 ? path + ":" + line : path;
    }
}
