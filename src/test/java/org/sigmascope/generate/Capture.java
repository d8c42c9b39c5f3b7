package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sigmascope.generate.event.LogChannel;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.host.HostIdentity;

/**
 * Wraps a format's writers and keeps every event written, per file, so tests can compare what was meant with
 * what a reader reads back. For small runs only.
 */
final class Capture implements LogWriterFactory {
    /** One written event and its record id. */
    record Written(SimEvent event, long recordId) {
    }

    private final LogWriterFactory inner;
    private final Map<Path, List<Written>> files = Collections.synchronizedMap(new TreeMap<>());

    Capture(LogWriterFactory inner) {
        this.inner = inner;
    }

    @Override
    public String extension() {
        return inner.extension();
    }

    @Override
    public EventLogWriter open(Path file, HostIdentity host, LogChannel channel) throws IOException {
        EventLogWriter writer = inner.open(file, host, channel);
        List<Written> events = new ArrayList<>();
        files.put(file, events);
        return new EventLogWriter() {
            @Override
            public void write(SimEvent event, long recordId) throws IOException {
                writer.write(event, recordId);
                events.add(new Written(event, recordId));
            }

            @Override
            public long count() {
                return writer.count();
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    Map<Path, List<Written>> files() {
        return files;
    }

    List<Written> all() {
        List<Written> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return all;
    }
}
