package org.sigmascope.sigma.correlation;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates one correlation over one group's matches in event-time order, with a sliding window: at each match,
 * the window holds the group's matches of the last timespan up to it (both ends included) and the condition is
 * tested on its measure. A window that passes starts a hit, or adds to the open hit when it overlaps it in time; a
 * window that fails ends the open hit. So a burst is one hit, however long it lasts, and each of its windows
 * passed the condition.
 */
final class WindowScan {
    private WindowScan() {
    }

    /**
     * @param matches the group's entries, sorted by {@link Entry#ORDER}
     * @param span    the timespan in nanoseconds
     * @param hits    receives each hit as it ends
     */
    static void scan(List<Entry> matches, long span, Measure measure, CorrelationCondition condition,
                     Consumer<Episode> hits) {
        ArrayDeque<Entry> window = new ArrayDeque<>();
        Episode open = null;
        for (Entry arrived : matches) {
            window.addLast(arrived);
            measure.add(arrived);
            long from = arrived.nanos() - span;
            while (window.peekFirst().nanos() < from) {
                measure.remove(window.pollFirst());
            }
            double value = measure.value(window);
            if (!Double.isNaN(value) && condition.test(value)) {
                boolean continuing = open != null && open.lastNanos() >= from;
                if (!continuing) {
                    if (open != null) {
                        hits.accept(open);
                    }
                    open = new Episode(value);
                }
                open.add(measure.participants(window, arrived, continuing, condition), value);
            } else if (open != null) {
                hits.accept(open);
                open = null;
            }
        }
        if (open != null) {
            hits.accept(open);
        }
    }
}
