package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * An import killed mid-way (a separate JVM, killed with SIGKILL) or cancelled leaves a consistent case: everything
 * committed is there and intact, the import shows as interrupted on reopening, and it can be resumed to the same
 * result as an uninterrupted import, or rolled back.
 */
class CrashConsistencyTest {
    private static final int COPIES = 10;

    @TempDir
    static Path dir;
    static Path evidence;
    static List<Long> recordIds;

    @BeforeAll
    static void makeEvidence() throws IOException {
        evidence = dir.resolve("big.jsonl");
        recordIds = BigEvidence.write(evidence, COPIES);
    }

    /** Runs an import in another JVM and kills it once it has committed a few batches; returns the last count. */
    private static long importAndKill(Path caseFile) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), caseFile.toString(), evidence.toString(), "500")
                .redirectErrorStream(true).start();
        long committed = -1;
        int commits = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.startsWith("committed ")) {
                    committed = Long.parseLong(line.substring("committed ".length()));
                    if (++commits == 3) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the import process did not end");
        assertTrue(commits >= 3, "the import process never committed three batches: " + output);
        assertFalse(output.contains("done"), "the import finished before it could be killed");
        return committed;
    }

    /** The case holds exactly the first {@code n} events of the evidence, intact, and nothing dangling. */
    private static void assertConsistent(CaseStore store, long n) throws IOException {
        assertEquals(n, store.eventCount());
        List<long[]> rows = store.db().list("SELECT id, record_id FROM events ORDER BY id", List.of(),
                r -> new long[] {r.getLong(1), r.getLong(2)});
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i)[0], "event ids are not contiguous");
            assertEquals(recordIds.get(i), rows.get(i)[1], "event " + (i + 1) + " is not the evidence's");
        }
        assertEquals(0, store.db().number("SELECT count(*) FROM detections d WHERE NOT EXISTS "
                + "(SELECT 1 FROM events e WHERE e.id = d.event_id)"), "detections of missing events");
        assertEquals(0, store.db().number("SELECT count(*) FROM events WHERE fields IS NULL OR "
                + "json_valid(fields) = false"), "damaged fields");
        for (SourceRow source : store.sources()) {
            assertEquals(source.committedEvents(), store.db().number("SELECT count(*) FROM events WHERE source_id = ?",
                    source.id()), "watermark of source " + source.id());
        }
    }

    @Test
    void aKilledImportKeepsWhatItCommittedAndResumes() throws Exception {
        Path caseFile = dir.resolve("killed-resumed.duckdb");
        long committed = importAndKill(caseFile);
        try (CaseStore store = CaseStore.open(caseFile)) {
            assertEquals(1, store.interruptedAtOpen().size());
            SourceRow source = store.interruptedAtOpen().get(0);
            assertEquals(SourceStatus.INTERRUPTED, source.status());
            assertTrue(source.committedEvents() >= committed, source + " but " + committed + " were reported");
            assertTrue(source.committedEvents() < recordIds.size(), source.toString());
            assertConsistent(store, source.committedEvents());
            // The sample story comes first: its detections are events 6 and 13, committed with them or not at all.
            long committedEvents = source.committedEvents();
            assertEquals((committedEvents >= 6 ? 1 : 0) + (committedEvents >= 13 ? 1 : 0), store.detectionCount());
            assertTrue(store.audit().entries().stream().anyMatch(e -> e.action().equals("import_interrupted")));

            ScanSummary resumed = CaseScan.resume(store, source.id(), TestCases.builtinRules(),
                    CaseScan.Options.defaults(), Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            assertEquals(recordIds.size() - source.committedEvents(), resumed.events());
            assertConsistent(store, recordIds.size());
            assertEquals(SourceStatus.COMPLETE, store.source(source.id()).status());
            assertEquals(recordIds.size(), store.source(source.id()).events());
            assertEquals(2, store.detectionCount());
        }
        try (CaseStore store = CaseStore.open(caseFile)) {
            assertTrue(store.interruptedAtOpen().isEmpty());
            assertConsistent(store, recordIds.size());
        }
    }

    @Test
    void aKilledImportCanBeRolledBack() throws Exception {
        Path caseFile = dir.resolve("killed-rolled-back.duckdb");
        importAndKill(caseFile);
        try (CaseStore store = CaseStore.open(caseFile)) {
            SourceRow source = store.interruptedAtOpen().get(0);
            long first = store.db().number("SELECT min(id) FROM events");
            store.annotations().tag(first, "seen");
            IOException refused = assertThrows(IOException.class, () -> store.rollback(source.id(), false));
            assertTrue(refused.getMessage().contains("tags, stars, notes or bookmarks"), refused.getMessage());
            store.rollback(source.id(), true);
            assertEquals(0, store.eventCount());
            assertEquals(0, store.detectionCount());
            assertTrue(store.sources().isEmpty());
            assertTrue(store.annotations().tags(first).isEmpty());
            assertTrue(store.audit().entries().stream().anyMatch(e -> e.action().equals("import_rolled_back")));
        }
    }

    @Test
    void aCancelledImportIsInterruptedAndResumable() throws Exception {
        Path caseFile = dir.resolve("cancelled.duckdb");
        Cancellation cancellation = new Cancellation();
        try (CaseStore store = CaseStore.open(caseFile)) {
            CaseScan.Options options = new CaseScan.Options(CaseScan.Options.defaults().read(),
                    new CommitPolicy(1_000, java.time.Duration.ofSeconds(10)));
            assertThrows(CancellationException.class, () -> CaseScan.run(store, List.of(evidence),
                    TestCases.builtinRules(), options, Progress.NONE, cancellation, new CaseScan.Observer() {
                        @Override
                        public void committed(long events, long detections) {
                            if (events >= 5_000) {
                                cancellation.cancel();
                            }
                        }
                    }));
            SourceRow source = store.sources().get(0);
            assertEquals(SourceStatus.INTERRUPTED, source.status());
            assertTrue(source.committedEvents() >= 5_000, source.toString());
            assertConsistent(store, source.committedEvents());
            CaseScan.resume(store, source.id(), TestCases.builtinRules(), CaseScan.Options.defaults(), Progress.NONE,
                    Cancellation.NEVER, new CaseScan.Observer() { });
            assertConsistent(store, recordIds.size());
        }
    }
}
