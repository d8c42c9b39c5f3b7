package org.sigmascope.ingest.evtx;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/** The EVTX corpus as {@code evtx-ref/expected.tsv} lists it, and reading one of its files. */
final class EvtxCorpus {
    private EvtxCorpus() {
    }

    /**
     * One file of {@code expected.tsv}.
     *
     * @param path              relative to the corpus root ({@code evtx/…} or {@code sigma/regression/…})
     * @param expectedMin       the most records any reference parser read
     * @param referenceXml      the reference XML export, relative to {@code evtx-ref/}'s parent, or ""
     * @param notes             the corpus' notes on damage
     */
    record Entry(String path, long expectedMin, String referenceXml, String notes) {
        Path file() {
            return Corpus.path(path);
        }

        /** The Rust evtx crate 0.8.5 JSONL export of the file. */
        Path crateJson() {
            return Corpus.path("evtx-ref/" + path + ".evtx-crate-0.8.5.jsonl.gz");
        }

        /** The corpus folder the file belongs to, for per-folder figures. */
        String folder() {
            String[] parts = path.split("/");
            return parts[0].equals("sigma") ? "sigma/regression" : parts[0] + "/" + parts[1];
        }
    }

    static List<Entry> entries() throws IOException {
        Path tsv = Corpus.path("evtx-ref/expected.tsv");
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split("\t", -1);
            int path = column(header, "path");
            int min = column(header, "records_expected_min");
            int xml = column(header, "reference_xml");
            int notes = column(header, "notes");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                entries.add(new Entry(cells[path], Long.parseLong(cells[min]), cells[xml], cells[notes]));
            }
        }
        return entries;
    }

    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("expected.tsv has no column " + name);
    }

    /** What reading a file gave. */
    record Read(List<Event> events, SourceStats stats) {
    }

    static Read read(Path file, ReadOptions options) throws IOException {
        List<Event> events = new ArrayList<>();
        SourceStats stats = new EvtxEvidenceReader().read(
                ReadRequest.of(new Source(1, file, file.getFileName().toString(), "evtx"), options), events::add);
        return new Read(events, stats);
    }
}
