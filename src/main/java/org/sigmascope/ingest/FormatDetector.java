package org.sigmascope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.sigmascope.ingest.archive.ArchiveEvidenceReader;
import org.sigmascope.ingest.archive.ArchiveKind;
import org.sigmascope.ingest.csv.CsvEvidenceReader;
import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.ingest.text.TextSniffer;

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
        ArchiveKind archive = ArchiveKind.of(head, length);
        if (archive != null) {
            return Optional.of(new ArchiveEvidenceReader(archive));
        }
        return switch (TextSniffer.sniff(head, length)) {
            case JSON -> Optional.of(new JsonEvidenceReader());
            case CSV -> Optional.of(new CsvEvidenceReader());
            case OTHER -> Optional.empty();
        };
    }
}
