package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * {@code temporal_ordered}: how many of the referenced rules match in the order given, within the window: the
 * length of the longest chain of matches of rules {@code i1 < i2 < …} at non-decreasing times, each a different
 * event. Ties in time count as in order. The matches that take part are those on a chain whose length passes the
 * condition, so a match that comes before the first rule's match (the wrong order) is not part of the hit.
 *
 * <p>Recomputed for each window, in time proportional to the window's size times the number of rules: ordered
 * correlations have short windows of few matches.
 */
final class RulesInOrder extends Measure {
    private final int rules;
    private Entry[] window = new Entry[0];
    /** The longest chain ending at, and starting at, each entry of the last window measured. */
    private int[] ending = new int[0];
    private int[] starting = new int[0];

    RulesInOrder(int rules) {
        this.rules = rules;
    }

    @Override
    void add(Entry entry) {
        // measured from the window itself
    }

    @Override
    void remove(Entry entry) {
        // measured from the window itself
    }

    @Override
    double value(Collection<Entry> entries) {
        window = entries.toArray(new Entry[0]);
        ending = chains(false);
        starting = chains(true);
        return Arrays.stream(ending).max().orElse(0);
    }

    /**
     * For each entry, the longest chain ending there (or, {@code backwards}, starting there). Per rule it keeps the
     * two longest chains so far that end on different events, so that one event matching two rules is never a
     * chain of two.
     */
    private int[] chains(boolean backwards) {
        int[] length = new int[window.length];
        int[] best = new int[rules];
        long[] bestEvent = new long[rules];
        int[] second = new int[rules];
        long[] secondEvent = new long[rules];
        Arrays.fill(bestEvent, Long.MIN_VALUE);
        Arrays.fill(secondEvent, Long.MIN_VALUE);
        for (int step = 0; step < window.length; step++) {
            int i = backwards ? window.length - 1 - step : step;
            int member = window[i].member();
            long event = window[i].eventId();
            int longest = 0;
            int from = backwards ? member + 1 : 0;
            int to = backwards ? rules : member;
            for (int r = from; r < to; r++) {
                longest = Math.max(longest, bestEvent[r] != event ? best[r] : second[r]);
            }
            int chain = longest + 1;
            length[i] = chain;
            if (bestEvent[member] == event) {
                best[member] = Math.max(best[member], chain);
            } else if (chain > best[member]) {
                second[member] = best[member];
                secondEvent[member] = bestEvent[member];
                best[member] = chain;
                bestEvent[member] = event;
            } else if (chain > second[member]) {
                second[member] = chain;
                secondEvent[member] = event;
            }
        }
        return length;
    }

    @Override
    List<Entry> participants(Collection<Entry> entries, Entry arrived, boolean continuing,
                             CorrelationCondition condition) {
        List<Entry> on = new ArrayList<>();
        for (int i = 0; i < window.length; i++) {
            if (condition.test(ending[i] + starting[i] - 1)) {
                on.add(window[i]);
            }
        }
        return on;
    }

    @Override
    String describe() {
        return "rules matched in order";
    }
}
