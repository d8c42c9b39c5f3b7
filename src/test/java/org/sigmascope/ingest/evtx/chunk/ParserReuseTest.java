package org.sigmascope.ingest.evtx.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;

/**
 * A parser reused from file to file ({@link ParserPool}: its caches, field plans and remembered values carried
 * over) reads every corpus file exactly as a new parser does: the same events with the same fields, the same
 * carved records and the same problems.
 */
class ParserReuseTest {
    @Test
    void aReusedParserReadsEveryFileAsANewOneDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.path("evtx"))) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the corpus' EVTX files");
        ChunkParser reused = new ChunkParser("first.evtx", 1, true);
        long events = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<String> fresh = parse(new ChunkParser(name, 7, true), file);
            List<String> again = parse(reused.source(name, 7, true), file);
            assertEquals(fresh, again, name);
            events += fresh.size();
        }
        assertTrue(events > 40_000, "events compared: " + events);
    }

    /** Every event, carved record and problem of the file, in order, as text. */
    private static List<String> parse(ChunkParser parser, Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long chunks = ChunkPipeline.chunkCount(channel.size());
            for (long i = 0; i < chunks; i++) {
                long offset = ChunkPipeline.offsetOf(i);
                int length = ChunkPipeline.read(channel, parser.buffer(), offset);
                ChunkResult result = parser.parse((int) i, offset, length);
                result.events().forEach(event -> out.add(event.toString()));
                result.carved().forEach(event -> out.add("carved " + event));
                result.problems().forEach(problem -> out.add(problem.toString()));
            }
        }
        return out;
    }
}
