package org.sigmascope.ui.timeline;

/**
 * A filter the analyst added by clicking rather than typing — a column's values, a range brushed on the
 * histogram, a line of the detections panel, the events of a correlation or a process — shown as a chip beside
 * the query bar and ANDed with the query. Each is written in the query language, so nothing a chip does is
 * hidden: its tooltip shows the query.
 *
 * @param key   what it filters, so that a new chip replaces the old one ({@code column:image}, {@code time} …)
 * @param label what the chip says
 * @param query the query it stands for
 */
public record FilterChip(String key, String label, String query) {
    /** The key of the time range chip. */
    public static final String TIME = "time";
}
