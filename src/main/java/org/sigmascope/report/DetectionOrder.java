package org.sigmascope.report;

import java.time.Instant;
import java.util.Comparator;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;

/**
 * The one order in which reports list detections: by time (events without a time last), then host, channel,
 * record, rule and event number. Total, so that two exports of the same detections are the same bytes.
 */
public final class DetectionOrder {
    public static final Comparator<Detection> CHRONOLOGICAL = Comparator
            .comparing((Detection d) -> d.event().timestamp(), Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(d -> d.event().computer())
            .thenComparing(d -> d.event().channel())
            .thenComparingLong(d -> d.event().recordId())
            .thenComparing(d -> d.rule().title())
            .thenComparing(d -> d.rule().id())
            .thenComparingLong(d -> d.event().id())
            .thenComparingInt(d -> d.event().sourceId());

    /** The same order for events. */
    public static final Comparator<Event> EVENTS = Comparator
            .comparing(Event::timestamp, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Event::computer)
            .thenComparing(Event::channel)
            .thenComparingLong(Event::recordId)
            .thenComparingLong(Event::id)
            .thenComparingInt(Event::sourceId);

    private DetectionOrder() {
    }
}
