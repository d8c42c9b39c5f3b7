package org.sigmascope.report.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;

/** Writes events one at a time, each with the detections on it (possibly none), streaming. */
public interface EventWriter extends Closeable {

    void write(Event event, List<Detection> detections) throws IOException;
}
