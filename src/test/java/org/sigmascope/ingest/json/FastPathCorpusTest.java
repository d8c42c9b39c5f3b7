package org.sigmascope.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.text.TextInput;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * The fast JSON path against Jackson's over every JSON file of the corpus (every export format, every SigmaHQ
 * regression sample): the same events, fields, values and diagnostics, and the same tree for every record the fast
 * path reads. Also that the fast path does read them, so that this test compares something.
 */
class FastPathCorpusTest {
    private static List<Path> jsonFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("formats", "sigma/regression")) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(Corpus.path(folder))) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : all) {
                if (FormatDetector.readerFor(file).map(r -> r instanceof JsonEvidenceReader).orElse(false)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private record Read(List<Event> events, SourceStats stats) {
    }

    private static Read read(Path file, boolean fastPath) throws IOException {
        List<Event> events = new ArrayList<>();
        SourceStats stats = new JsonEvidenceReader(fastPath).read(ReadRequest.of(new Source(1, file,
                file.getFileName().toString(), "json"), ReadOptions.defaults()), events::add);
        return new Read(events, stats);
    }

    @Test
    void everyCorpusJsonFileGivesTheSameEventsOnBothPaths() throws IOException {
        List<Path> files = jsonFiles();
        assertTrue(files.size() >= 100, "expected the corpus' JSON files, found " + files.size());
        long events = 0;
        for (Path file : files) {
            Read fast = read(file, true);
            Read jackson = read(file, false);
            assertEquals(jackson.events().size(), fast.events().size(), file.toString());
            for (int i = 0; i < fast.events().size(); i++) {
                assertEquals(jackson.events().get(i), fast.events().get(i), file + ", event " + i);
            }
            assertEquals(jackson.stats(), fast.stats(), file.toString());
            events += fast.events().size();
        }
        assertTrue(events > 10_000, "events compared: " + events);
    }

    @Test
    void theFastPathReadsEveryCorpusRecordAsJacksonDoes() throws IOException {
        ByteJsonParser fast = new ByteJsonParser();
        long records = 0;
        long read = 0;
        for (Path file : jsonFiles()) {
            byte[] bytes;
            try (InputStream in = TextInput.utf8(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                bytes = in.readAllBytes();
            }
            RecordFramer framer = new RecordFramer(new ByteArrayInputStream(bytes), 1 << 28, (l, o, m) -> { });
            RecordFramer.Record record;
            while ((record = framer.next()) != null) {
                JsonObject jackson;
                try {
                    jackson = JsonTreeParser.parse(record.bytes(), record.start(), record.end(), record.wholeLine());
                } catch (IOException e) {
                    if (record.wholeLine()) {
                        framer.distrust(record);
                    }
                    assertNull(fast.parse(record.bytes(), record.start(), record.end()), file + " line "
                            + record.line() + ": the fast path read what Jackson rejects");
                    continue;
                }
                records++;
                JsonObject quick = fast.parse(record.bytes(), record.start(), record.end());
                if (quick != null) {
                    read++;
                    assertNull(JsonTrees.difference(quick, jackson, "$"), file + " line " + record.line());
                }
            }
        }
        assertTrue(records > 10_000, "records compared: " + records);
        assertEquals(records, read, "corpus records the fast path left to Jackson");
    }
}
