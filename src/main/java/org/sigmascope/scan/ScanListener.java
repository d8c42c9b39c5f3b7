package org.sigmascope.scan;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Receives what a scan finds, in a stable order: sources in the order found, events in source order, each
 * event's detections right after it, and the hits of correlation rules at the end, once all evidence is read.
 * Called from one thread at a time.
 */
public interface ScanListener {

    default void sourceStarted(Source source) {
    }

    /** Every event read, numbered; only called when the listener {@link #wantsEvents() wants events}. */
    default void event(Event event) {
    }

    default boolean wantsEvents() {
        return false;
    }

    default void detection(Detection detection) {
    }

    default void sourceFinished(Source source, SourceStats stats) {
    }

    /** A source that could not be read at all (unknown format, unreadable file). */
    default void sourceFailed(Source source, String message) {
    }

    /** Something the analyst should know about the results, such as matches a correlation had to leave out. */
    default void note(String message) {
    }
}
