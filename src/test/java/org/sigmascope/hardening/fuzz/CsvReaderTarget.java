package org.sigmascope.hardening.fuzz;

import org.sigmascope.ingest.csv.CsvEvidenceReader;

/** Fuzz target (Jazzer's {@code fuzzerTestOneInput}): the CSV reader, every dialect it detects. */
public final class CsvReaderTarget {
    private CsvReaderTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        ReaderTargets.read(data, "fuzz.csv", new CsvEvidenceReader());
    }
}
