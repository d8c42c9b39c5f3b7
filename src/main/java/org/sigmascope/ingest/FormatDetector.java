package org.sigmascope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;

/** Picks the reader for a file by its content, never by its name. */
public final class FormatDetector {
    private static final int SNIFF_BYTES = 4096;

    private FormatDetector() {
    }

    public static Optional<EvidenceReader> readerFor(Path path) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(path)) {
            length = in.readNBytes(head, 0, head.length);
        }
        return readerFor(head, length);
    }

    static Optional<EvidenceReader> readerFor(byte[] head, int length) {
        if (EvtxEvidenceReader.looksLikeEvtx(head, length)) {
            return Optional.of(new EvtxEvidenceReader());
        }
        int i = skipBomAndSpace(head, length);
        if (i < length && (head[i] == '{' || head[i] == '[')) {
            return Optional.of(new JsonEvidenceReader());
        }
        return Optional.empty();
    }

    private static int skipBomAndSpace(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }
}
