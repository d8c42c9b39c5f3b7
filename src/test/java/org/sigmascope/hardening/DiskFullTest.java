package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.scan.CaseScan;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;
import org.sigmascope.store.TestCases;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The disk fills during an import into a case (a 20 MiB tmpfs): the import stops with an error that says so, the
 * case still opens, holds exactly what was committed, and the import resumes to the full count once there is room.
 * An export to a full disk fails with a message and leaves no file under the name asked for. Needs root, to mount
 * the tmpfs: run with {@code mvn -Phardening test}.
 */
@Tag("hardening")
class DiskFullTest {
    private static final int COPIES = 10_000;

    @TempDir
    Path dir;

    @Test
    void aFullDiskStopsTheImportCleanlyAndTheCaseStillOpens() throws Exception {
        Path evidence = HostileFiles.story(dir.resolve("story.jsonl"), COPIES);
        long all = (long) COPIES * HostileFiles.STORY_EVENTS;
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), "20m")) {
            Path caseFile = disk.path().resolve("case.duckdb");
            String message;
            try (CaseStore store = CaseStore.open(caseFile)) {
                Exception failure = assertThrows(Exception.class, () -> CaseScan.run(store, List.of(evidence),
                        TestCases.builtinRules(), CaseScan.Options.defaults(), Progress.NONE, Cancellation.NEVER,
                        new CaseScan.Observer() { }));
                message = String.valueOf(failure.getMessage());
                System.out.println("disk full during import: " + failure);
            } catch (IOException closing) {
                message = "closing: " + closing.getMessage();
                System.out.println("disk full when closing the case: " + closing);
            }
            assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains("space")
                    || message.toLowerCase(java.util.Locale.ROOT).contains("disk"), "a clear error: " + message);

            disk.resize("2g");
            long committed;
            try (CaseStore store = CaseStore.open(caseFile)) {
                SourceRow source = store.sources().get(0);
                assertNotEquals(SourceStatus.COMPLETE, source.status(), source.toString());
                committed = store.eventCount();
                assertEquals(source.committedEvents(), committed, "the watermark says what is in the case");
                assertTrue(committed < all, committed + " events");
                assertEquals(0, store.db().number("SELECT count(*) FROM detections d WHERE NOT EXISTS "
                        + "(SELECT 1 FROM events e WHERE e.id = d.event_id)"), "detections of missing events");
                System.out.println("committed before the disk filled: " + committed + " of " + all);
                if (source.status() == SourceStatus.INTERRUPTED) {
                    CaseScan.resume(store, source.id(), TestCases.builtinRules(), CaseScan.Options.defaults(),
                            Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
                } else {
                    store.rollback(source.id(), true);
                    CaseScan.run(store, List.of(evidence), TestCases.builtinRules(), CaseScan.Options.defaults(),
                            Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
                }
                assertEquals(all, store.eventCount());
                assertEquals((long) COPIES * HostileFiles.STORY_DETECTIONS, store.detectionCount());
            }
        }
    }

    @Test
    void anExportToAFullDiskFailsAndLeavesNoFile() throws Exception {
        Path evidence = HostileFiles.story(dir.resolve("story.jsonl"), 5_000);
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("tiny"), "64k")) {
            for (String name : List.of("detections.csv", "report.html", "events.jsonl")) {
                Path out = disk.path().resolve(name);
                String[] args = name.equals("events.jsonl") ? new String[] {"dump", "-o", out.toString(),
                    evidence.toString()} : new String[] {"scan", "-o", out.toString(), evidence.toString()};
                Cli run = Cli.run(args);
                assertEquals(1, run.exitCode(), name + ": " + run.err());
                assertTrue(run.err().contains("No space left on device"), name + ": " + run.err());
                assertFalse(Files.exists(out), name + " was left, half written");
            }
        }
    }
}
