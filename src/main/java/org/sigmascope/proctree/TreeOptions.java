package org.sigmascope.proctree;

import java.time.Duration;

/**
 * How trees are built.
 *
 * @param tolerance        how far apart Sysmon's and the Security log's times of one start (or stop) may be for the
 *                         two to be taken as one process; also the grace after a stop in which late-logged events of
 *                         the process still belong to it
 * @param indexEvents      keep, for every attached event, which process it belongs to (12 bytes an event), so
 *                         detections can be placed by event id; without it they are placed by their content
 * @param linkInBackground link on a thread of the builder's own while the offering thread reads the next events
 */
public record TreeOptions(Duration tolerance, boolean indexEvents, boolean linkInBackground) {
    public TreeOptions {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance cannot be negative");
        }
    }

    /** Two seconds, events indexed, linking in the background when there is a second core to do it. */
    public static TreeOptions defaults() {
        return new TreeOptions(Duration.ofSeconds(2), true, Runtime.getRuntime().availableProcessors() > 1);
    }

    public TreeOptions withLinkInBackground(boolean background) {
        return new TreeOptions(tolerance, indexEvents, background);
    }

    long toleranceTicks() {
        return tolerance.getSeconds() * Ticks.PER_SECOND + tolerance.getNano() / 100;
    }
}
