package org.sigmascope.report.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.report.export.EventWriter;

/**
 * Writes every event with the detections on it, streaming. A scan reports each event's detections right after
 * the event, so an event is written when the next one arrives (or at the end), with what fired on it. Correlation
 * hits come at the end of a scan; each is written as one more row: its last event, with the hit on it.
 */
final class EventStreamOutput implements ScanOutput {
    /** Makes the writer, given the display name of each source id. */
    interface Factory {
        EventWriter create(IntFunction<String> sourceNames) throws IOException;
    }

    private final Map<Integer, String> sourceNames = new TreeMap<>();
    private final EventWriter writer;
    private Event pending;
    private final List<Detection> pendingDetections = new ArrayList<>();

    EventStreamOutput(Factory factory) throws IOException {
        this.writer = factory.create(id -> sourceNames.getOrDefault(id, ""));
    }

    EventWriter writer() {
        return writer;
    }

    @Override
    public void sourceStarted(Source source) {
        sourceNames.put(source.id(), source.displayName());
    }

    @Override
    public boolean wantsEvents() {
        return true;
    }

    @Override
    public void event(Event event) {
        flush();
        pending = event;
    }

    @Override
    public void detection(Detection detection) {
        if (detection.correlation() != null) {
            // A correlation hit is known only once all evidence is read, after every event: it gets a row of its
            // own, that of its last event, rather than riding on whichever event came last.
            flush();
            write(detection.event(), List.of(detection));
            return;
        }
        pendingDetections.add(detection);
    }

    private void flush() {
        if (pending == null) {
            return;
        }
        write(pending, List.copyOf(pendingDetections));
        pending = null;
        pendingDetections.clear();
    }

    private void write(Event event, List<Detection> detections) {
        try {
            writer.write(event, detections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        writer.close();
    }
}
