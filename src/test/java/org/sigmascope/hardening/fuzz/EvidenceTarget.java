package org.sigmascope.hardening.fuzz;

/**
 * Fuzz target (Jazzer's {@code fuzzerTestOneInput}): format detection and whichever reader it picks, so gzip, zip
 * and tar archives (and what is inside them) as well as the plain formats.
 */
public final class EvidenceTarget {
    private EvidenceTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        ReaderTargets.detectAndRead(data, "fuzz.bin");
    }
}
