package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sigmascope.task.Cancellation;

/** The same options give byte-identical files, whatever the number of threads; another seed gives others. */
class GeneratorDeterminismTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void sameSeedSameBytes(OutputFormat format) throws IOException {
        Map<String, String> first = digests(generate(format, 77, 1, "a"));
        Map<String, String> second = digests(generate(format, 77, 3, "b"));
        Map<String, String> other = digests(generate(format, 78, 3, "c"));
        assertTrue(first.size() > 10, first.keySet().toString());
        assertEquals(first, second);
        assertNotEquals(first.get("ground-truth.sigmascope.jsonl"), other.get("ground-truth.sigmascope.jsonl"));
        assertNotEquals(first, other);
    }

    private Path generate(OutputFormat format, long seed, int threads, String name) throws IOException {
        Path out = dir.resolve(name);
        Generator.run(GenerateOptions.of(3, 4_000, seed, format, out).withThreads(threads), (d, t, m) -> { },
                Cancellation.NEVER);
        return out;
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> digests.put(root.relativize(f).toString(), sha256(f)));
        }
        return digests;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
