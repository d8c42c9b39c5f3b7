package org.sigmascope.proctree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Corpus evidence as the Rust evtx crate exported it ({@code evtx-ref/…/*.evtx-crate-0.8.5.jsonl.gz}), decompressed
 * into a temporary folder and read with the JSON reader, until the EVTX reader lands.
 */
final class CorpusEvidence {
    static final String DEEPBLUE = "evtx-ref/evtx/sans-blue-team+DeepBlueCLI/evtx/";
    static final String MITRE = "evtx-ref/evtx/mdecrevoisier+EVTX-to-MITRE-Attack/";
    private static final String SUFFIX = ".evtx.evtx-crate-0.8.5.jsonl.gz";

    private CorpusEvidence() {
    }

    /** The events of DeepBlueCLI samples by name ({@code sliver-sysmon}), numbered from 1 in the order given. */
    static List<Event> deepBlue(Path temp, String... names) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(Corpus.path(DEEPBLUE + name + SUFFIX));
        }
        return read(temp, files);
    }

    /** Every EVTX-to-MITRE-Attack sample, in path order. */
    static List<Path> mitreFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Corpus.path(MITRE))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    static List<Event> read(Path temp, List<Path> gzipped) throws IOException {
        List<Event> events = new ArrayList<>();
        int sourceId = 1;
        for (Path file : gzipped) {
            Path plain = temp.resolve(sourceId + ".jsonl");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Files.copy(in, plain);
            }
            Source source = new Source(sourceId++, plain, file.getFileName().toString(), "json");
            SourceStats stats = new JsonEvidenceReader().read(ReadRequest.of(source, ReadOptions.defaults()),
                    event -> events.add(event.withId(events.size() + 1)));
            if (stats.failed() > 0) {
                throw new IOException(file + ": " + stats.failed() + " records unreadable: " + stats.diagnostics());
            }
        }
        return events;
    }

    /** The event without the GUIDs Sysmon gives, as if only process ids were known. */
    static Event withoutGuids(Event event) {
        Fields.Builder fields = Fields.builder(event.fields().size());
        event.fields().forEach((name, value) -> {
            if (!name.endsWith("ProcessGuid") && !name.endsWith("ProcessGUID")) {
                fields.put(name, value);
            }
        });
        return event.withFields(fields.build());
    }

    /** The event without the named fields. */
    static Event without(Event event, String... names) {
        Fields.Builder fields = Fields.builder(event.fields().size());
        List<String> drop = List.of(names);
        event.fields().forEach((name, value) -> {
            if (!drop.contains(name)) {
                fields.put(name, value);
            }
        });
        return event.withFields(fields.build());
    }

    static ProcessTree buffered(List<Event> events) {
        SightingBuffer buffer = new SightingBuffer();
        events.forEach(buffer::accept);
        return buffer.build(TreeOptions.defaults());
    }
}
