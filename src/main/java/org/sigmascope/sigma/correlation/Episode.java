package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One hit in the making: the matches of a run of overlapping windows of one group that each passed the condition.
 * Keeps the first measured value and the highest and lowest that followed.
 */
final class Episode {
    private final List<Entry> entries = new ArrayList<>();
    private final Set<Entry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final double first;
    private double highest;
    private double lowest;
    private long lastNanos = Long.MIN_VALUE;
    private Entry last;

    Episode(double first) {
        this.first = first;
        this.highest = first;
        this.lowest = first;
    }

    void add(List<Entry> participants, double value) {
        highest = Math.max(highest, value);
        lowest = Math.min(lowest, value);
        for (Entry entry : participants) {
            if (seen.add(entry)) {
                entries.add(entry);
                if (last == null || Entry.ORDER.compare(entry, last) > 0) {
                    last = entry;
                }
                lastNanos = Math.max(lastNanos, entry.nanos());
            }
        }
    }

    /** The time of its latest match. */
    long lastNanos() {
        return lastNanos;
    }

    /** The latest match: its event is the hit's event. */
    Entry last() {
        return last;
    }

    /** Its matches, in the order they joined. */
    List<Entry> entries() {
        return entries;
    }

    double first() {
        return first;
    }

    double highest() {
        return highest;
    }

    double lowest() {
        return lowest;
    }
}
