package org.sigmascope.generate;

import org.sigmascope.generate.event.Injection;

/**
 * One injected event, as the ground truth lists it: where it was written and which scenario put it there.
 *
 * @param injection the scenario
 * @param host      the host's {@code Computer} name
 * @param file      the log file, relative to the output folder, with {@code /} separators
 * @param channel   the event's channel
 * @param recordId  its {@code EventRecordID} in that file
 * @param eventId   its event id
 * @param filetime  its time (FILETIME ticks)
 */
public record GroundTruthEntry(Injection injection, String host, String file, String channel, long recordId,
                               int eventId, long filetime) {
}
