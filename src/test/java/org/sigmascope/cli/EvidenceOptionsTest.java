package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;

/** {@code dump} and {@code scan} take the zone of zone-less times and the CSV time column and format. */
class EvidenceOptionsTest {
    private static final String NXLOG = "formats/nxlog-otrf-json/Yamato-Security+hayabusa/test_files/evtx/test.jsonl";

    @Test
    void theLocalZoneShiftsZonelessTimesAndIsRecordedInTheWarnings() {
        String file = Corpus.path(NXLOG).toString();
        CliRun utc = CliRun.of("dump", file);
        CliRun eastern = CliRun.of("dump", "--local-zone", "America/New_York", file);
        assertEquals(0, eastern.exitCode(), eastern.err());
        assertTrue(utc.out().contains("\"timestamp\":\"2020-05-01T22:55:23.0000000Z\""), utc.out());
        assertTrue(eastern.out().contains("\"timestamp\":\"2020-05-02T02:55:23.0000000Z\""), eastern.out());
        assertTrue(eastern.err().contains("read as America/New_York"), eastern.err());
        assertTrue(utc.err().contains("probably local to UTC-04:00"), utc.err());
    }

    @Test
    void aZoneThatDoesNotExistIsAUsageError() {
        CliRun run = CliRun.of("scan", "--local-zone", "Mars/Olympus", Corpus.path(NXLOG).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--local-zone"), run.err());
    }

    @Test
    void aTimeFormatThatCannotBeUsedIsAUsageError() {
        CliRun run = CliRun.of("dump", "--csv-time-format", "yyyy-MM-dd {{", Corpus.path(NXLOG).toString());
        assertEquals(2, run.exitCode(), run.err());
    }
}
