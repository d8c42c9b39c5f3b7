package org.sigmascope.sigma.correlation;

/**
 * What a correlation run may hold in memory. A run keeps every match of the rules correlations refer to (never all
 * events) until all evidence is read, because evidence files are read one after another, not in time order.
 *
 * @param maxMatches    matches kept in all; further matches are left out, and the run says so
 * @param maxFullEvents matches kept with their event's fields (for the hit's event in the output); later matches
 *                      keep the event without fields (its id, time, computer, channel … stay)
 * @param maxHitEvents  events listed per hit; a longer burst lists its first ones, and its explanation gives the
 *                      full measure
 */
public record RunLimits(int maxMatches, int maxFullEvents, int maxHitEvents) {
    /** For a scan: some 215 MiB of matches (225 bytes each) and up to about 200 MB of event fields. */
    public static final RunLimits SCAN = new RunLimits(1_000_000, 100_000, 10_000);
    /** For a case, whose events are in the store: events are never kept with their fields. */
    public static final RunLimits CASE = new RunLimits(2_000_000, 0, 10_000);
}
