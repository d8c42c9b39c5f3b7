package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/** The timeline reads a case while an import writes it: each committed batch shows, and only whole batches. */
class LiveImportTest {
    @TempDir
    Path dir;

    @Test
    void theTimelineShowsCommittedBatchesDuringAnImport() throws Exception {
        Path evidence = dir.resolve("big.jsonl");
        List<Long> recordIds = BigEvidence.write(evidence, 5);
        ExecutorService importer = Executors.newSingleThreadExecutor();
        try (CaseStore store = CaseStore.open(dir.resolve("live.duckdb"))) {
            CaseScan.Options options = new CaseScan.Options(ReadOptions.defaults(),
                    new CommitPolicy(1_000, Duration.ofMillis(50)));
            Future<ScanSummary> running = importer.submit(() -> CaseScan.run(store, List.of(evidence),
                    TestCases.builtinRules(), options, Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { }));
            int partialViews = 0;
            while (!running.isDone()) {
                long count = store.timeline().count(SqlFilter.all());
                if (count > 0 && count < recordIds.size()) {
                    partialViews++;
                    List<SourceRow> sources = store.sources();
                    // A batch commits its events and its watermark together.
                    long committed = sources.get(0).committedEvents();
                    assertTrue(committed >= count || store.timeline().count(SqlFilter.all()) > count);
                    // A batch may hold fewer than 10 events (it commits after 50 ms); more may commit meanwhile.
                    Page first = store.timeline().page(SqlFilter.all(), Sort.byTime(), null, 10);
                    assertTrue(first.rows().size() >= Math.min(10, count) && first.rows().size() <= 10,
                            first.rows().size() + " rows on the first page of " + count + " events");
                }
                Thread.sleep(20);
            }
            assertEquals(recordIds.size(), running.get().events());
            assertTrue(partialViews > 0, "the import finished before the timeline could see it running");
            assertEquals(recordIds.size(), store.eventCount());
            assertEquals(SourceStatus.COMPLETE, store.sources().get(0).status());
        } finally {
            importer.shutdownNow();
        }
    }
}
