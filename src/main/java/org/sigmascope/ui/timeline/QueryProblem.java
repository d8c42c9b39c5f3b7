package org.sigmascope.ui.timeline;

/**
 * Why the timeline's query cannot run, in words, and where.
 *
 * @param message  what is wrong
 * @param position where in the query bar's text (0-based), or -1 when the problem is in a chip
 * @param chip     the chip's label when the problem is in a chip, else {@code null}
 */
public record QueryProblem(String message, int position, String chip) {
    /** The text under the query bar. */
    public String describe() {
        if (chip != null) {
            return "Filter '" + chip + "': " + message;
        }
        return position >= 0 ? "Column " + (position + 1) + ": " + message : message;
    }
}
