package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan -o FILE} killed (SIGKILL) while it writes never leaves a half file under the name asked for: the
 * output is written beside it and moved in place whole (docs/reliability.md). A file that was there before the
 * killed run stays as it was; a run left alone puts the whole output in place and leaves no partial file.
 */
class KillDuringExportTest {
    private static final int COPIES = 20_000;

    @TempDir
    static Path dir;
    static Path evidence;

    @BeforeAll
    static void evidence() throws IOException {
        evidence = HostileFiles.story(dir.resolve("story.jsonl"), COPIES);
    }

    @Test
    void aKilledCsvExportLeavesNoHalfFileAndTheOldOneIntact() throws Exception {
        Path out = dir.resolve("csv/detections.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "the previous complete export\n");
        Path partial = killOnceWritten(out, true, "scan", "-o", out.toString(), evidence.toString());
        assertTrue(Files.size(partial) > 0, "the child was killed before it wrote anything: the test proves nothing");
        assertEquals("the previous complete export\n", Files.readString(out), "the killed run replaced the file");
    }

    @Test
    void aKilledHtmlReportLeavesNothingUnderItsName() throws Exception {
        Path out = dir.resolve("html/report.html");
        killOnceWritten(out, false, "scan", "-o", out.toString(), evidence.toString());
        assertFalse(Files.exists(out), "a half report was left under the name asked for");
    }

    @Test
    void aRunLeftAloneWritesTheWholeFileAndNoPartial() throws Exception {
        Path small = HostileFiles.story(dir.resolve("small.jsonl"), 50);
        Path out = dir.resolve("whole/detections.jsonl");
        Path log = dir.resolve("whole.log");
        Process child = Jvm.sigmascope(log, "scan", "-o", out.toString(), small.toString());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the scan did not end");
        assertEquals(0, child.exitValue(), Files.readString(log));
        assertEquals(50 * HostileFiles.STORY_DETECTIONS, Files.readAllLines(out, StandardCharsets.UTF_8).size());
        assertEquals(List.of(out), files(out.getParent()), "a partial file was left");
    }

    /**
     * Starts the command and kills it once its partial output exists and, if {@code needBytes}, has bytes in it
     * (else half a second after it appears: a report is written at the end, so the scan is under way then).
     */
    private static Path killOnceWritten(Path out, boolean needBytes, String... args) throws Exception {
        Path log = dir.resolve(out.getFileName() + ".log");
        Process child = Jvm.sigmascope(log, args);
        Path partial = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long firstSeen = 0;
        while (child.isAlive() && System.nanoTime() < deadline) {
            partial = partialOf(out);
            if (partial != null) {
                firstSeen = firstSeen == 0 ? System.nanoTime() : firstSeen;
                if (needBytes ? Files.size(partial) > 0
                        : System.nanoTime() - firstSeen > TimeUnit.MILLISECONDS.toNanos(500)) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the command ended before it could be killed: " + Files.readString(log));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(partial != null && Files.exists(partial), "no partial file beside " + out);
        return partial;
    }

    private static Path partialOf(Path out) throws IOException {
        return files(out.toAbsolutePath().getParent()).stream()
                .filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".partial-"))
                .findFirst().orElse(null);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }
}
