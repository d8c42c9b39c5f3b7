package org.sigmascope.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.sigmascope.ingest.csv.CsvOptions;

/**
 * How to read evidence.
 *
 * @param includeRecovered emit records carved from slack space (they are always counted)
 * @param localZone        the zone of timestamps that carry none (NXLog {@code EventTime}, some CSV exports)
 * @param threads          worker threads a reader may use for one file
 * @param csv              what the analyst says about CSV that detection cannot settle (mapping, time column)
 */
public record ReadOptions(boolean includeRecovered, ZoneId localZone, int threads, CsvOptions csv) {
    public ReadOptions {
        csv = csv == null ? CsvOptions.DETECT : csv;
    }

    public ReadOptions(boolean includeRecovered, ZoneId localZone, int threads) {
        this(includeRecovered, localZone, threads, CsvOptions.DETECT);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(false, ZoneOffset.UTC, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ReadOptions withIncludeRecovered(boolean include) {
        return new ReadOptions(include, localZone, threads, csv);
    }

    public ReadOptions withThreads(int count) {
        return new ReadOptions(includeRecovered, localZone, Math.max(1, count), csv);
    }

    public ReadOptions withLocalZone(ZoneId zone) {
        return new ReadOptions(includeRecovered, zone, threads, csv);
    }

    public ReadOptions withCsv(CsvOptions options) {
        return new ReadOptions(includeRecovered, localZone, threads, options);
    }
}
