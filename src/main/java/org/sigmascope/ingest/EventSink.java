package org.sigmascope.ingest;

import org.sigmascope.model.Event;

/** Receives events from a reader, in the order of the source. Called from one thread at a time. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
