package org.sigmascope.model;

import java.time.Instant;

/**
 * One event of the evidence, in Sigma's field naming.
 *
 * <p>The common columns (time, computer, channel, provider, event id, level) are taken out of the fields once,
 * when the event is made, so that the timeline, dispatch by logsource and the case store do not look them up
 * again. {@link #fields()} still holds everything the evidence said.
 *
 * @param id        case-unique id; 0 until the pipeline numbers the event
 * @param sourceId  the evidence source the event came from
 * @param recordId  the record id the evidence gives (EVTX EventRecordID), or -1 when it gives none
 * @param timestamp UTC, nanoseconds kept (EVTX FILETIME has 100 ns), or {@code null} when the evidence has no time
 * @param computer  the host name, or {@code ""}
 * @param channel   the event log channel, or {@code ""}
 * @param provider  the provider name, or {@code ""}
 * @param eventId   the event id, or -1
 * @param level     the Windows level (0 log always … 5 verbose), or -1
 * @param fields    every field of the event
 * @param location  where in the source the event was read (byte offset or line), to re-read the original
 * @param recovered whether the record was carved from slack space rather than read from the live log
 */
public record Event(long id, int sourceId, long recordId, Instant timestamp, String computer, String channel,
                    String provider, int eventId, int level, Fields fields, long location, boolean recovered) {

    public Event {
        computer = computer == null ? "" : computer;
        channel = channel == null ? "" : channel;
        provider = provider == null ? "" : provider;
        fields = fields == null ? Fields.empty() : fields;
    }

    public Event withId(long newId) {
        return new Event(newId, sourceId, recordId, timestamp, computer, channel, provider, eventId, level, fields,
                location, recovered);
    }

    public Event withFields(Fields newFields) {
        return new Event(id, sourceId, recordId, timestamp, computer, channel, provider, eventId, level, newFields,
                location, recovered);
    }
}
