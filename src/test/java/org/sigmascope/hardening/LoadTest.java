package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: some fifty generated evidence files (EVTX, JSON Lines and CSV, {@code sigmascope generate}) imported into a
 * case by a process with a 384 MiB heap, while two one-shot scans of the same evidence run in it and the timeline
 * is counted as batches commit. Nothing is lost — every file's events in the case and in each scan are the
 * generator's manifest's count — and the process stays within its heap. The figures it prints (time, peak heap,
 * peak resident memory) are in docs/reliability.md. Slow: run with {@code mvn -Phardening test}.
 */
@Tag("hardening")
class LoadTest {
    private static final int EVENTS_PER_FORMAT = Integer.getInteger("sigmascope.load.events", 100_000);

    @TempDir
    Path dir;

    @Test
    void fiftyFilesImportedWhileScansRunLoseNothing() throws Exception {
        Map<Path, Long> expected = new HashMap<>();
        List<String> inputs = new java.util.ArrayList<>();
        long total = 0;
        for (String format : List.of("evtx", "jsonl", "csv")) {
            Generated generated = Generated.make(dir.resolve(format), format, 4, EVENTS_PER_FORMAT, 14);
            generated.records().forEach((file, records) -> expected.put(file.toAbsolutePath(), records));
            inputs.add(generated.root().toString());
            total += generated.events();
        }
        assertTrue(expected.size() >= 45, expected.size() + " files");

        Path log = dir.resolve("load.log");
        List<String> args = new java.util.ArrayList<>(List.of(dir.resolve("case.duckdb").toString(), "2"));
        args.addAll(inputs);
        Process child = Jvm.start("384m", log, LoadChild.class.getName(), args.toArray(String[]::new));
        assertTrue(child.waitFor(30, TimeUnit.MINUTES), "the load run did not end");
        List<String> lines = Files.readAllLines(log);
        String output = String.join("\n", lines);
        System.out.println(output.lines().filter(l -> !l.startsWith("source ")).reduce("", (a, b) -> a + b + "\n"));
        assertEquals(0, child.exitValue(), output);
        assertTrue(lines.contains("done"), output);

        Map<Path, Long> imported = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("source ")) {
                String[] parts = line.split(" ");
                assertEquals("complete", parts[3], line);
                imported.put(Path.of(parts[1]), Long.parseLong(parts[2]));
            }
        }
        assertEquals(expected, imported, "events per file: the case against the generator's manifest");
        long scans = lines.stream().filter(l -> l.startsWith("scan ")).peek(l -> { }).count();
        assertEquals(2, scans, output);
        for (String line : lines) {
            if (line.startsWith("scan ")) {
                assertEquals(total, Long.parseLong(line.substring(5)), "a scan beside the import lost events");
            }
        }
    }
}
