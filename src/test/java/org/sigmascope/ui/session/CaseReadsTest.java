package org.sigmascope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;

/**
 * The queue of the reads the app starts on its own, on a real case (the sample, 15 events): they wait for the
 * timeline's first page, run one at a time, and stop when the case closes.
 */
class CaseReadsTest {
    /** A query that runs for minutes unless stopped: 10^10 rows. */
    private static final String ENDLESS = "SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b";

    @TempDir
    Path dir;
    private CaseStore store;
    private CaseReads reads;

    @BeforeEach
    void open() throws Exception {
        store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES);
        reads = new CaseReads(store, "test");
    }

    @AfterEach
    void close() throws Exception {
        reads.close();
        store.close();
    }

    private CompletableFuture<Long> count() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reads.call(db -> db.number("SELECT count(*) FROM events"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aReadWaitsForTheTimelinesFirstPage() throws Exception {
        reads.timelineBusy(true);
        CompletableFuture<Long> events = count();
        Thread.sleep(500);
        assertFalse(events.isDone(), "the read ran while the timeline read its first page");
        reads.timelineBusy(false);
        assertEquals(15L, events.get(10, TimeUnit.SECONDS));
    }

    @Test
    void readsRunOneAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[4];
        for (int i = 0; i < all.length; i++) {
            all[i] = CompletableFuture.runAsync(() -> {
                try {
                    reads.call(db -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.sleep(100);
                        running.decrementAndGet();
                        return db.number("SELECT count(*) FROM events");
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        CompletableFuture.allOf(all).get(20, TimeUnit.SECONDS);
        assertEquals(1, most.get());
    }

    @Test
    void closingTheCaseStopsTheReadRunningAndDropsTheOthers() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Long> endless = CompletableFuture.supplyAsync(() -> {
            try {
                return reads.call(db -> {
                    started.incrementAndGet();
                    return db.number(ENDLESS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (started.get() == 0) {
            Thread.sleep(10);
        }
        CompletableFuture<Long> waiting = count();
        Thread.sleep(500);
        long closing = System.nanoTime();
        reads.close();
        assertThrows(ExecutionException.class, () -> endless.get(10, TimeUnit.SECONDS));
        assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(10));
        assertEquals(1, started.get());
    }
}
