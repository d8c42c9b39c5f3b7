package org.sigmascope.sigma.correlation;

import java.util.Comparator;

/**
 * A candidate as one correlation sees it: which of its rules it matched, its group, and the value it measures.
 *
 * @param candidate the match (or inner hit)
 * @param member    the position in the correlation's {@code rules} of the rule it matched
 * @param value     what it contributes to the measure: the distinct-value key ({@code value_count}), the number
 *                  (numeric types), or {@code null} when it has none
 */
record Entry(Candidate candidate, int member, Object value) {
    /**
     * Event-time order. Among matches at the same instant, the one of the earlier rule comes first, so that
     * {@code temporal_ordered} takes ties as in order (many exports keep only whole seconds). Written out rather
     * than composed from key extractors: sorting a million matches spends most of its time here.
     */
    static final Comparator<Entry> ORDER = (a, b) -> {
        int byTime = Long.compare(a.nanos(), b.nanos());
        if (byTime != 0) {
            return byTime;
        }
        int byRule = Integer.compare(a.member, b.member);
        return byRule != 0 ? byRule : Long.compare(a.eventId(), b.eventId());
    };

    long nanos() {
        return candidate.nanos();
    }

    long eventId() {
        return candidate.eventId();
    }
}
