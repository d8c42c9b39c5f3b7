package org.sigmascope.caseview;

/**
 * A sign that events may be missing before an event: the record ids of its log jump, its time runs backwards
 * or stops for hours, or the event says the log was cleared. Possible log clearing or tampering, or simply a log
 * that rolled over or a host that was off: the analyst judges.
 *
 * @param eventId     the event right after the gap (for a cleared log, the event that says so)
 * @param sourceId    its source
 * @param kind        what was seen
 * @param description in words, with the figures
 */
public record Gap(long eventId, int sourceId, Kind kind, String description) {

    /** What kind of gap. */
    public enum Kind {
        /** Record ids skip numbers: records between are missing from the log. */
        RECORD_IDS,
        /** The next record's time is well before the previous one's: the clock was set back, or records moved. */
        TIME_BACKWARDS,
        /** Hours pass between two consecutive records of a log. */
        SILENCE,
        /** The event says the log was cleared (Security 1102, System 104). */
        LOG_CLEARED
    }
}
