package org.sigmascope.proctree;

import java.time.Duration;

/**
 * How trees are built.
 *
 * @param tolerance   how far apart Sysmon's and the Security log's times of one start (or stop) may be for the two
 *                    to be taken as one process; also the grace after a stop in which late-logged events of the
 *                    process still belong to it
 * @param indexEvents keep, for every attached event, which process it belongs to (12 bytes an event), so
 *                    detections can be placed by event id; without it they are placed by their content
 */
public record TreeOptions(Duration tolerance, boolean indexEvents) {
    public TreeOptions {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance cannot be negative");
        }
    }

    public static TreeOptions defaults() {
        return new TreeOptions(Duration.ofSeconds(2), true);
    }

    long toleranceTicks() {
        return tolerance.getSeconds() * Ticks.PER_SECOND + tolerance.getNano() / 100;
    }
}
