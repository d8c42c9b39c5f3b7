package org.sigmascope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The status bar's progress: how far, the pace over the last seconds, the time left at that pace. */
class ImportProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void thePaceAndTheTimeLeftFollowTheLastSeconds() {
        ImportProgress progress = new ImportProgress();
        progress.start("Importing");
        assertEquals("Importing…", progress.textProperty().get());

        // 1 MB of 10 MB a second, 20,000 events a second, on one file.
        for (int s = 0; s <= 4; s++) {
            progress.sample(s * SECOND, s * 1_000_000L, 10_000_000L, s * 20_000L, "/evidence/WS01/Security.evtx");
        }
        assertEquals(0.4, progress.fractionProperty().get(), 1e-9);
        assertEquals(20_000, progress.eventsPerSecondProperty().get(), 1e-6);
        assertEquals("Importing Security.evtx — 80,000 events, 20,000 events/s, 6 s left",
                progress.textProperty().get());

        // The pace halves: after the window has moved on, the rate and the time left say so.
        long events = 80_000;
        long done = 4_000_000;
        for (int s = 5; s <= 12; s++) {
            events += 10_000;
            done += 500_000;
            progress.sample(s * SECOND, done, 10_000_000L, events, "/evidence/WS01/Security.evtx");
        }
        assertEquals(10_000, progress.eventsPerSecondProperty().get(), 1e-6);
        assertEquals("Importing Security.evtx — 160,000 events, 10,000 events/s, 4 s left",
                progress.textProperty().get());
    }

    @Test
    void anUnknownTotalGivesNoFractionAndNoTimeLeft() {
        ImportProgress progress = new ImportProgress();
        progress.start("Re-scanning");
        progress.sample(0, 0, -1, 0, "");
        progress.sample(2 * SECOND, 500, -1, 500, "");
        assertEquals(-1, progress.fractionProperty().get());
        assertEquals("Re-scanning — 500 events, 250 events/s", progress.textProperty().get());
    }

    @Test
    void aSourcesProgressCountsFromWhereItStarted() {
        ImportProgress progress = new ImportProgress();
        progress.start("Importing");
        progress.sample(0, 300, 1_000, 10, "a.evtx");
        progress.sample(SECOND, 700, 1_000, 20, "b.evtx");
        assertEquals(100, progress.sourceDone(800));
    }

    @Test
    void timeLeftInWords() {
        assertEquals("1 h 5 min", ImportProgress.words(Duration.ofMinutes(65)));
        assertEquals("3 min 20 s", ImportProgress.words(Duration.ofSeconds(200)));
        assertEquals("1 s", ImportProgress.words(Duration.ZERO));
    }
}
