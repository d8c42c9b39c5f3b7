package org.sigmascope.sigma.correlation;

import java.util.Comparator;
import java.util.List;

/**
 * A candidate as one correlation sees it: which of its rules it matched, its group, and the value it measures.
 *
 * @param candidate the match (or inner hit)
 * @param member    the position in the correlation's {@code rules} of the rule it matched
 * @param group     its group-by values, in the order of {@code group-by}
 * @param value     what it contributes to the measure: the distinct-value key ({@code value_count}), the number
 *                  (numeric types), or {@code null} when it has none
 */
record Entry(Candidate candidate, int member, List<String> group, Object value) {
    /**
     * Event-time order. Among matches at the same instant, the one of the earlier rule comes first, so that
     * {@code temporal_ordered} takes ties as in order (many exports keep only whole seconds).
     */
    static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::nanos).thenComparingInt(Entry::member)
            .thenComparingLong(Entry::eventId);

    long nanos() {
        return candidate.nanos();
    }

    long eventId() {
        return candidate.eventId();
    }
}
