package org.sigmascope.hardening.fuzz;

import org.sigmascope.ingest.json.JsonEvidenceReader;

/** Fuzz target (Jazzer's {@code fuzzerTestOneInput}): the JSON and JSON Lines reader, every shape it detects. */
public final class JsonReaderTarget {
    private JsonReaderTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        ReaderTargets.read(data, "fuzz.jsonl", new JsonEvidenceReader());
    }
}
