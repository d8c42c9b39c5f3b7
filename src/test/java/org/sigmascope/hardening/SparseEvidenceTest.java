package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;

/**
 * Enormous sparse files — real evidence at the start, then 10 GiB of nothing — read by {@code dump} in a process
 * with a 256 MiB heap: each ends in bounded time and memory, with the events that were there and a located error
 * for the rest (a line without end) or, for EVTX, empty chunks passed over as Windows leaves them. Slow (it reads
 * 30 GiB): run with {@code mvn -Phardening test}; {@code -Dsigmascope.sparse.gib=N} for another size of nothing.
 */
@Tag("hardening")
class SparseEvidenceTest {
    private static final long SIZE = Long.getLong("sigmascope.sparse.gib", 10) << 30;

    @TempDir
    Path dir;

    private Path sparse(String name, byte[] head) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, head);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SIZE);
        }
        return file;
    }

    private String dump(Path file) throws Exception {
        Path log = dir.resolve(file.getFileName() + ".log");
        long started = System.nanoTime();
        Process child = Jvm.start("256m", log, "org.sigmascope.Main", "dump", "-o",
                dir.resolve(file.getFileName() + ".out").toString(), file.toString());
        assertTrue(child.waitFor(15, TimeUnit.MINUTES), file + " was not read to an end");
        String output = Files.readString(log);
        System.out.printf("%s: %.0f s, exit %d%n%s%n", file.getFileName(), (System.nanoTime() - started) / 1e9,
                child.exitValue(), output);
        assertTrue(!output.contains("OutOfMemoryError") && !output.contains("Exception"), output);
        return output;
    }

    @Test
    void tenGibibytesOfNothingAfterRealEvidence() throws Exception {
        byte[] json = Files.readAllBytes(HostileFiles.story(dir.resolve("story.jsonl"), 5));
        String jsonOut = dump(sparse("sparse.jsonl", json));
        assertTrue(jsonOut.contains("75 events, 1 unreadable records"), jsonOut);
        assertTrue(jsonOut.contains("sparse.jsonl:76:"), "the error says where: " + jsonOut);

        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/formats/evtxecmd/evtxecmd-output.csv"));
        String csvOut = dump(sparse("sparse.csv", csv));
        assertTrue(csvOut.contains("5 events, 1 unreadable records"), csvOut);
        assertTrue(csvOut.contains("longer than 16 Mi characters"), csvOut);

        byte[] evtx = Files.readAllBytes(Corpus.path("evtx/omerbenamram+evtx/samples/security.evtx"));
        String evtxOut = dump(sparse("sparse.evtx", evtx));
        assertTrue(evtxOut.contains("sparse.evtx: "), evtxOut);
        long events = Long.parseLong(List.of(evtxOut.split("\n")).stream().filter(l -> l.contains("sparse.evtx: "))
                .findFirst().orElseThrow().replaceAll(".*sparse.evtx: (\\d+) events.*", "$1"));
        assertEquals(2261, events, "every record of the real log before the zeros: " + evtxOut);
    }
}
