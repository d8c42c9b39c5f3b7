package org.sigmascope.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stall probe's figures: the longest delay, the stalls over 100 ms, the 99th percentile, the traces. */
class StallStatsTest {
    @Test
    void delaysAreSummedUpAndStallsCounted() {
        StallStats stats = new StallStats();
        for (int i = 0; i < 985; i++) {
            stats.record(2, 1);
        }
        for (int i = 0; i < 14; i++) {
            stats.record(45, 3);
        }
        // A long wait with the FX thread mostly idle: the machine gave it no CPU.
        stats.record(180, 12);
        stats.trace(120, 8, "javafx.scene.Parent.layout(Parent.java:1)");

        StallStats.Snapshot snapshot = stats.snapshot();
        assertEquals(1_000, snapshot.samples());
        assertEquals(1, snapshot.stalls(), "one delay over " + FxStallProbe.STALL_MS + " ms");
        assertEquals(180, snapshot.maxMs());
        assertEquals(50, snapshot.p99Ms(), "99% of the pings waited under 50 ms (10 ms steps)");
        assertEquals((985 * 2 + 14 * 45 + 180) / 1000.0, snapshot.meanMs(), 1e-9);
        assertEquals(0, snapshot.busyStalls(), "the FX thread was never busy over 100 ms");
        assertEquals(12, snapshot.busyMaxMs());
        assertEquals(10, snapshot.busyP99Ms());
        assertEquals(1, snapshot.traces().size());
        assertTrue(snapshot.traces().get(0).contains("120 ms into a stall (8 ms of it busy)"),
                snapshot.traces().get(0));
        assertTrue(snapshot.toString().contains("waited longest 180 ms"), snapshot.toString());
        assertTrue(snapshot.toString().contains("busy (FX thread CPU) longest 12 ms"), snapshot.toString());

        stats.reset();
        assertEquals(0, stats.snapshot().samples());
        assertTrue(stats.snapshot().traces().isEmpty());
        stats.record(30, -1);
        assertEquals(-1, stats.snapshot().busyMaxMs(), "CPU time not measured");
    }
}
