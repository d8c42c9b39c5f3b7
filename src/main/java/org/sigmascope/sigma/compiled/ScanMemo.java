package org.sigmascope.sigma.compiled;

import java.util.Arrays;

/**
 * One thread's memory of one scanner's results, in two levels. First, per position (the field's index in the
 * event for a keyword scanner, which searches every field; 0 for a scanner of one field), the last value object
 * scanned there and its result: readers hand out the same String or Long instance again when a value repeats
 * (the EVTX reader's template constants and repeated values), so an identity compare answers most values without
 * reading a char. Second, a {@link ValueCache} by content for values that repeat as new objects (an image path in
 * one process creation after another), used only at positions where it pays: a position whose values seldom
 * repeat (times, GUIDs, process ids, command lines) is scanned straight, without hashing and storing each value.
 *
 * <p>A scan's result depends only on the value's text, and values are immutable, so the memory never changes an
 * answer.
 */
final class ScanMemo {
    /** Content lookups at a position after which one that hit less than a quarter of the time stops using it … */
    private static final int PROBE = 256;
    /** … for this many values, then tries again. */
    private static final int PAUSE = 16_384;

    final ValueCache cache = new ValueCache();
    private Object[] lastValue = new Object[1];
    private int[][] lastFound = new int[1][];
    private int[] lookups = new int[1];
    private int[] hits = new int[1];
    private int[] paused = new int[1];

    /** The result last remembered at {@code position} if {@code value} is that very object, else {@code null}. */
    int[] same(int position, Object value) {
        return position < lastValue.length && lastValue[position] == value ? lastFound[position] : null;
    }

    void remember(int position, Object value, int[] found) {
        if (position >= lastValue.length) {
            int size = Math.max(position + 1, lastValue.length * 2);
            lastValue = Arrays.copyOf(lastValue, size);
            lastFound = Arrays.copyOf(lastFound, size);
            lookups = Arrays.copyOf(lookups, size);
            hits = Arrays.copyOf(hits, size);
            paused = Arrays.copyOf(paused, size);
        }
        lastValue[position] = value;
        lastFound[position] = found;
    }

    /** Whether values at this position are to be looked up by content (a pausing position counts down). */
    boolean usesCache(int position) {
        if (position >= paused.length || paused[position] == 0) {
            return true;
        }
        paused[position]--;
        return false;
    }

    /** Counts a content lookup at a position; after {@link #PROBE} of them, pauses the position if it hit seldom. */
    void counted(int position, boolean hit) {
        if (position >= lookups.length) {
            remember(position, null, null);
        }
        if (hit) {
            hits[position]++;
        }
        if (++lookups[position] >= PROBE) {
            if (hits[position] * 4 < lookups[position]) {
                paused[position] = PAUSE;
            }
            lookups[position] = 0;
            hits[position] = 0;
        }
    }
}
