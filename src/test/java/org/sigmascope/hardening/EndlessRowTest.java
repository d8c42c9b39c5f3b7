package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.csv.CsvEvidenceReader;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * A CSV row with no end (an unquoted cell of 20 Mi characters: what a sparse file's zeros look like to the reader)
 * is reported with its line and skipped, and the rows after it are read: it was buffered whole, so a 10 GiB sparse
 * file ran the reader out of memory (docs/reliability.md, finding 4).
 */
class EndlessRowTest {
    @TempDir
    Path dir;

    @Test
    void anUnquotedRowBeyondTheLimitIsReportedNotBuffered() throws IOException {
        Path file = dir.resolve("endless.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("EventID,Computer\n1,WS01\n2,");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
            out.write("\n3,WS03\n");
        }
        SourceStats stats = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new CsvEvidenceReader().read(
                ReadRequest.of(new Source(1, file, "endless.csv", "csv"), ReadOptions.defaults()), event -> { }));
        assertEquals(2, stats.events(), stats.toString());
        assertEquals(1, stats.failed(), stats.toString());
        assertEquals(3, stats.diagnostics().stream().filter(d -> d.message().contains("longer than 16 Mi"))
                .findFirst().orElseThrow().line());
        assertTrue(stats.diagnostics().get(0).toString().contains("endless.csv:3"), stats.toString());
    }
}
