package org.sigmascope.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;

/**
 * Real evidence made larger for import tests: the sample story, then the corpus's SMB password-guessing Security
 * log (3,561 events in the Rust evtx crate's JSON) repeated with new record ids, so every event is distinct and
 * its place in the file is known.
 */
final class BigEvidence {
    static final String CORPUS_FILE = "evtx-ref/evtx/sans-blue-team+DeepBlueCLI/evtx/"
            + "smb-password-guessing-security.evtx.evtx-crate-0.8.5.jsonl.gz";

    private BigEvidence() {
    }

    /** Writes the evidence; returns the record ids of its events in file order. */
    static List<Long> write(Path file, int copies) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Corpus.path(CORPUS_FILE))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        List<Long> recordIds = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(TestCases.SAMPLES.resolve("process-starts.jsonl"))) {
                if (!line.isBlank()) {
                    out.write(line);
                    out.write('\n');
                    recordIds.add(JsonCodec.MAPPER.readTree(line).path("Event").path("System").path("EventRecordID")
                            .asLong());
                }
            }
            long next = 1_000_000;
            for (int copy = 0; copy < copies; copy++) {
                for (String line : lines) {
                    ObjectNode event = (ObjectNode) JsonCodec.MAPPER.readTree(line);
                    ((ObjectNode) event.path("Event").path("System")).put("EventRecordID", next);
                    recordIds.add(next++);
                    out.write(JsonCodec.MAPPER.writeValueAsString(event));
                    out.write('\n');
                }
            }
        }
        return recordIds;
    }
}
