package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.csv.CsvEvidenceReader;
import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Evidence that changes while it is read — a log still being written to, a file truncated by another program —
 * is read to an end in bounded time, with whatever it held and no crash: appended data may or may not be read,
 * data cut off is reported or lost, never invented. (The SHA-256 recorded at import then tells the analyst the
 * file is not the one imported: {@code sigmascope verify}.)
 */
class ChangingEvidenceTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path json(int copies) throws IOException {
        return HostileFiles.story(dir.resolve("story.jsonl"), copies);
    }

    private Path csv(int copies) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/formats/evtxecmd/evtxecmd-output.csv"));
        StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < copies; i++) {
            lines.subList(1, lines.size()).forEach(l -> text.append(l).append('\n'));
        }
        Path file = dir.resolve("evtxecmd.csv");
        Files.writeString(file, text);
        return file;
    }

    private Path evtx() throws IOException {
        Path file = dir.resolve("security.evtx");
        Files.copy(Corpus.path("evtx/omerbenamram+evtx/samples/security.evtx"), file);
        return file;
    }

    /** Reads the file with the reader; on each event the sink may change the file. */
    private static SourceStats read(Path file, EvidenceReader reader, Runnable onEvent, AtomicLong count) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                return reader.read(ReadRequest.of(new Source(1, file, file.getFileName().toString(), reader.format()),
                        ReadOptions.defaults().withThreads(2)), event -> {
                            count.incrementAndGet();
                            onEvent.run();
                        });
            } catch (IOException reported) {
                return new SourceStats(count.get(), 1, 0, 0, 0, List.of());
            }
        }, file + " was not read to an end");
    }

    private static Runnable append(Path file, String line, int times) {
        int[] left = {times};
        return () -> {
            if (left[0]-- > 0) {
                try {
                    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Runnable truncateOnce(Path file, long size) {
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Test
    void aGrowingJsonLogIsReadToAnEnd() throws IOException {
        Path file = json(100);
        String line = Files.readAllLines(file).get(0) + "\n";
        AtomicLong count = new AtomicLong();
        SourceStats stats = read(file, new JsonEvidenceReader(), append(file, line, 50_000), count);
        assertEquals(count.get(), stats.events());
        assertTrue(stats.events() >= 1_500 && stats.events() <= 1_500 + 50_000, stats.toString());
        assertEquals(0, stats.failed(), stats.toString());
    }

    @Test
    void aGrowingCsvLogIsReadToAnEnd() throws IOException {
        Path file = csv(200);
        String row = Files.readAllLines(file).get(1) + "\n";
        AtomicLong count = new AtomicLong();
        SourceStats stats = read(file, new CsvEvidenceReader(), append(file, row, 50_000), count);
        assertEquals(count.get(), stats.events());
        assertTrue(stats.events() >= 200, stats.toString());
    }

    @Test
    void aShrinkingFileEndsWithWhatItHeld() throws IOException {
        Path jsonl = json(2_000);
        long half = Files.size(jsonl) / 2;
        AtomicLong count = new AtomicLong();
        SourceStats json = read(jsonl, new JsonEvidenceReader(), truncateOnce(jsonl, half), count);
        assertTrue(json.events() < 30_000 && json.events() > 0, json.toString());

        Path table = csv(2_000);
        count.set(0);
        SourceStats csv = read(table, new CsvEvidenceReader(), truncateOnce(table, Files.size(table) / 3), count);
        assertTrue(csv.events() > 0, csv.toString());

        Path evtx = evtx();
        long original = Files.size(evtx);
        count.set(0);
        SourceStats log = read(evtx, new EvtxEvidenceReader(), truncateOnce(evtx, 4096 + 65536 + 1000), count);
        assertTrue(log.events() > 0, log.toString());
        assertTrue(Files.size(evtx) < original);
        count.set(0);
        SourceStats empty = read(evtx, new EvtxEvidenceReader(), truncateOnce(evtx, 0), count);
        assertTrue(empty.events() >= 0, empty.toString());
    }
}
