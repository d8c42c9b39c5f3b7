package org.sigmascope.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to read evidence.
 *
 * @param includeRecovered emit records carved from slack space (they are always counted)
 * @param localZone        the zone of timestamps that carry none (NXLog {@code EventTime}, some CSV exports)
 * @param threads          worker threads a reader may use for one file
 */
public record ReadOptions(boolean includeRecovered, ZoneId localZone, int threads) {
    public static ReadOptions defaults() {
        return new ReadOptions(false, ZoneOffset.UTC, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ReadOptions withIncludeRecovered(boolean include) {
        return new ReadOptions(include, localZone, threads);
    }

    public ReadOptions withThreads(int count) {
        return new ReadOptions(includeRecovered, localZone, Math.max(1, count));
    }

    public ReadOptions withLocalZone(ZoneId zone) {
        return new ReadOptions(includeRecovered, zone, threads);
    }
}
