package org.sigmascope.generate;

import java.io.Closeable;
import java.io.IOException;

import org.sigmascope.generate.event.SimEvent;

/** Writes the generated events of one log (one host, one channel) to one file, in one format. */
public interface EventLogWriter extends Closeable {

    /** Appends the event with its record id; ids increase by one from 1. */
    void write(SimEvent event, long recordId) throws IOException;

    /** Events written so far. */
    long count();
}
