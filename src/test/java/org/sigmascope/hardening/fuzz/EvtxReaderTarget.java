package org.sigmascope.hardening.fuzz;

import org.sigmascope.ingest.evtx.EvtxEvidenceReader;

/** Fuzz target (Jazzer's {@code fuzzerTestOneInput}): the EVTX reader, recovery of carved records on. */
public final class EvtxReaderTarget {
    private EvtxReaderTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        ReaderTargets.read(data, "fuzz.evtx", new EvtxEvidenceReader());
    }
}
