package org.sigmascope.model;

import java.time.Instant;

/**
 * Makes {@link Event}s from fields already in Sigma's naming, taking the common columns out of the standard
 * Windows field names ({@code EventID}, {@code Channel}, {@code Computer}, {@code Provider_Name},
 * {@code TimeCreated_SystemTime}, {@code Level}, {@code EventRecordID}).
 */
public final class EventFactory {
    private EventFactory() {
    }

    /**
     * @param timestamp the event's time when the reader knows it better than the fields say (EVTX record
     *                  header); {@code null} to parse {@code TimeCreated_SystemTime}
     */
    public static Event fromFields(int sourceId, Fields fields, Instant timestamp, long location, boolean recovered) {
        Instant time = timestamp != null ? timestamp : Timestamps.parseOrNull(fields.text("TimeCreated_SystemTime"));
        return new Event(0, sourceId, longOr(fields.get("EventRecordID"), -1), time,
                fields.text("Computer"), fields.text("Channel"), fields.text("Provider_Name"),
                (int) longOr(fields.get("EventID"), -1), (int) longOr(fields.get("Level"), -1),
                fields, location, recovered);
    }

    /** A number out of a field value that may be a number or its decimal (or 0x hex) text. */
    public static long longOr(Object value, long fallback) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d.longValue();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return Long.parseUnsignedLong(t.substring(2), 16);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
