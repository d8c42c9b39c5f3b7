package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.task.Cancellation;

/**
 * Generate → read back with one of our readers → the same events and fields. Used by the round-trip tests of
 * every format; a new reader joins with one line ({@code RoundTrip.check(dir, OutputFormat.EVTX, new
 * EvtxEvidenceReader())}).
 */
final class RoundTrip {
    private RoundTrip() {
    }

    /** Generates a small run in {@code format} into {@code dir} and checks that {@code reader} reads it back whole. */
    static Capture check(Path dir, OutputFormat format, EvidenceReader reader) throws IOException {
        return check(dir, format, reader, Set.of());
    }

    /**
     * As {@link #check(Path, OutputFormat, EvidenceReader)}, for a format whose layout has no place for
     * {@code notCarried} (EvtxECmd's CSV keeps neither the provider's GUID nor the event's version, say).
     */
    static Capture check(Path dir, OutputFormat format, EvidenceReader reader, Set<String> notCarried)
            throws IOException {
        Capture capture = new Capture(format.factory());
        GenerateOptions options = GenerateOptions.of(4, 6_000, 42, format, dir).withThreads(2);
        Generator.run(options, capture, (d, t, m) -> { }, Cancellation.NEVER);
        assertTrue(capture.files().size() >= 12, "every host writes several logs: " + capture.files().keySet());
        long events = 0;
        for (Map.Entry<Path, List<Capture.Written>> file : capture.files().entrySet()) {
            compare(file.getKey(), file.getValue(), reader, notCarried);
            events += file.getValue().size();
        }
        assertEquals(6_000, events);
        return capture;
    }

    static void compare(Path file, List<Capture.Written> written, EvidenceReader reader, Set<String> notCarried)
            throws IOException {
        List<Event> read = new ArrayList<>();
        Source source = new Source(1, file, file.toString(), reader.format());
        SourceStats stats = reader.read(new ReadRequest(source, ReadOptions.defaults(), (d, t, m) -> { },
                Cancellation.NEVER), read::add);
        assertEquals(0, stats.failed(), file + ": " + stats.diagnostics());
        assertEquals(written.size(), read.size(), file + ": events read back");
        for (int i = 0; i < written.size(); i++) {
            Capture.Written w = written.get(i);
            Event event = read.get(i);
            String where = file.getFileName() + " record " + w.recordId();
            assertEquals(w.recordId(), event.recordId(), where);
            assertEquals(org.sigmascope.generate.host.Ticks.instant(w.event().filetime()), event.timestamp(), where);
            for (Map.Entry<String, String> field : ExpectedFields.of(w.event(), w.recordId()).entrySet()) {
                if (notCarried.contains(field.getKey())) {
                    continue;
                }
                String actual = ExpectedFields.actual(event.fields(), field.getKey());
                if (field.getValue() == null) {
                    assertTrue(actual == null || actual.isEmpty(), where + " " + field.getKey() + " = " + actual);
                } else {
                    assertEquals(field.getValue(), actual, where + " " + field.getKey());
                }
            }
        }
    }
}
