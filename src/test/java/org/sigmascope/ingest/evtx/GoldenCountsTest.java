package org.sigmascope.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Event;
import org.sigmascope.model.SourceStats;

/**
 * Good and bad record counts of every corpus EVTX file against a reviewed golden table
 * ({@code golden-counts.tsv}), as the evtx crate's {@code test_full_samples} does; and no file below the record
 * count a reference parser reached ({@code records_expected_min} of {@code expected.tsv}).
 *
 * <p>The table this run produced is written to {@code target/evtx-golden-counts.tsv}: after a deliberate change,
 * review the difference and copy it over the resource.
 */
class GoldenCountsTest {

    @Test
    void everyCorpusFileGivesItsGoldenCounts() throws IOException {
        List<String> actual = new ArrayList<>();
        actual.add("path\tevents\tfailed\tchunks_skipped\trecovered\twarnings\tevents_with_recovery");
        List<String> belowMinimum = new ArrayList<>();
        for (EvtxCorpus.Entry entry : EvtxCorpus.entries()) {
            SourceStats plain = EvtxCorpus.read(entry.file(), ReadOptions.defaults().withThreads(1)).stats();
            SourceStats withRecovery = EvtxCorpus.read(entry.file(),
                    ReadOptions.defaults().withThreads(1).withIncludeRecovered(true)).stats();
            actual.add(entry.path() + "\t" + plain.events() + "\t" + plain.failed() + "\t" + plain.chunksSkipped() + "\t"
                    + plain.recovered() + "\t" + plain.warnings() + "\t" + withRecovery.events());
            if (plain.events() < entry.expectedMin()) {
                belowMinimum.add(entry.path() + ": " + plain.events() + " < " + entry.expectedMin());
            }
            assertEquals(plain.events() + plain.recovered(), withRecovery.events(),
                    entry.path() + ": recovery adds exactly the recovered records");
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/evtx-golden-counts.tsv"), actual, StandardCharsets.UTF_8);
        assertTrue(belowMinimum.isEmpty(), "files below records_expected_min: " + belowMinimum);
        List<String> golden = golden();
        List<String> changed = new ArrayList<>();
        for (String line : actual) {
            if (!golden.contains(line)) {
                changed.add("now:    " + line);
            }
        }
        for (String line : golden) {
            if (!actual.contains(line)) {
                changed.add("golden: " + line);
            }
        }
        assertTrue(changed.isEmpty(), "counts differ from golden-counts.tsv (this run's table is in "
                + "target/evtx-golden-counts.tsv):\n" + String.join("\n", changed));
    }

    @Test
    void twoThreadsGiveTheSameEventsInTheSameOrder() throws IOException {
        for (String path : List.of("evtx/omerbenamram+evtx/samples/security.evtx",
                "evtx/omerbenamram+evtx/samples/sample_with_a_bad_chunk_magic.evtx",
                "evtx/sans-blue-team+DeepBlueCLI/evtx/smb-password-guessing-security.evtx")) {
            Path file = org.sigmascope.Corpus.path(path);
            EvtxCorpus.Read one = EvtxCorpus.read(file, ReadOptions.defaults().withThreads(1).withIncludeRecovered(true));
            EvtxCorpus.Read two = EvtxCorpus.read(file, ReadOptions.defaults().withThreads(2).withIncludeRecovered(true));
            assertEquals(one.stats(), two.stats(), path);
            assertEquals(one.events().size(), two.events().size(), path);
            for (int i = 0; i < one.events().size(); i++) {
                Event a = one.events().get(i);
                Event b = two.events().get(i);
                assertEquals(a.location(), b.location(), path + " event " + i);
                assertEquals(a.fields(), b.fields(), path + " event " + i);
            }
        }
    }

    private static List<String> golden() throws IOException {
        try (InputStream in = GoldenCountsTest.class.getResourceAsStream("golden-counts.tsv")) {
            if (in == null) {
                throw new IOException("missing test resource golden-counts.tsv");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }
}
