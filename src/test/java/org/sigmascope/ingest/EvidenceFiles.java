package org.sigmascope.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/** Reads a file the way the scanner does (format detected by content), for tests. */
public final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /** The events and figures of one file. */
    public record Read(List<Event> events, SourceStats stats, String format) {
    }

    public static Read read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    public static Read read(Path file, ReadOptions options) throws IOException {
        return read(file, file.getFileName().toString(), options);
    }

    public static Read read(Path file, String displayName, ReadOptions options) throws IOException {
        EvidenceReader reader = FormatDetector.readerFor(file)
                .orElseThrow(() -> new AssertionError("no reader detected for " + file));
        List<Event> events = new ArrayList<>();
        SourceStats stats = reader.read(ReadRequest.of(new Source(1, file, displayName, reader.format()), options),
                events::add);
        return new Read(events, stats, reader.format());
    }
}
