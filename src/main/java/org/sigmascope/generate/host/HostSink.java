package org.sigmascope.generate.host;

import org.sigmascope.generate.event.SimEvent;

/** Receives a host's events in time order. */
@FunctionalInterface
public interface HostSink {
    void accept(SimEvent event);
}
