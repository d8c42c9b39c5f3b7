package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.task.Cancellation;

/**
 * {@code samples/generated} is a golden file: the command in samples/README.md makes it again byte for byte. When
 * the generator changes on purpose, make the sample again with that command and review the difference as data.
 */
class GeneratedSamplesTest {
    @TempDir
    Path dir;

    @Test
    void theSampleIsWhatTheDocumentedCommandMakes() throws IOException {
        Path sample = Corpus.project("samples/generated");
        Path out = dir.resolve("generated");
        GenerateOptions options = new GenerateOptions(1, 220, 6, OutputFormat.EVTX, out,
                "wmi-persistence-wmic@1@+30m,decoy-wmi-reversed@1@+75m", GenerateOptions.DEFAULT_START,
                Duration.ofHours(2), 1);
        Generator.run(options, (d, t, m) -> { }, Cancellation.NEVER);
        List<Path> expected = files(sample);
        assertEquals(expected.stream().map(sample::relativize).toList(), files(out).stream().map(out::relativize)
                .toList());
        for (Path file : expected) {
            Path made = out.resolve(sample.relativize(file));
            if (file.getFileName().toString().equals("generation.sigmascope.json")) {
                assertEquals(withoutVersion(file), withoutVersion(made), "generation.sigmascope.json");
            } else {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(made), file.toString());
            }
        }
    }

    private static List<String> withoutVersion(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.contains("\"generator\"")).toList();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
