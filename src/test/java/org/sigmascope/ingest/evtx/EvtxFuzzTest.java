package org.sigmascope.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Mutated corpus files (bit flips, truncation, garbage chunks, garbage sizes and offsets) never crash, hang or
 * allocate without bound: each read ends, within a time limit, with events and counted errors. A fixed seed and
 * a bounded number of mutations here; for a long campaign:
 * <pre>
 * mvn -B test -Dtest=EvtxFuzzTest -Dsigmascope.fuzz.iterations=100000 -Dsigmascope.fuzz.seed=$RANDOM
 * </pre>
 */
class EvtxFuzzTest {
    private static final long SEED = Long.getLong("sigmascope.fuzz.seed", 20_240_601L);
    private static final int ITERATIONS = Integer.getInteger("sigmascope.fuzz.iterations", 300);
    private static final List<String> SAMPLES = List.of(
            "evtx/omerbenamram+evtx/samples/security.evtx",
            "evtx/omerbenamram+evtx/samples/sample_with_a_bad_chunk_magic.evtx",
            "evtx/omerbenamram+evtx/samples/E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx",
            "evtx/omerbenamram+evtx/samples/MSExchange_Management_wec.evtx",
            "evtx/williballenthin+python-evtx/tests/data/issue_43.evtx",
            "evtx/sans-blue-team+DeepBlueCLI/evtx/Powershell-Invoke-Obfuscation-many.evtx");

    @TempDir
    Path dir;

    @Test
    void mutatedFilesAreReadWithoutCrashOrHang() throws IOException {
        Random random = new Random(SEED);
        byte[][] originals = new byte[SAMPLES.size()][];
        for (int i = 0; i < SAMPLES.size(); i++) {
            originals[i] = Files.readAllBytes(Corpus.path(SAMPLES.get(i)));
        }
        Path file = dir.resolve("mutant.evtx");
        long events = 0;
        long problems = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            int sample = random.nextInt(originals.length);
            String mutation = mutate(originals[sample], random, file);
            String what = "iteration " + iteration + " (seed " + SEED + "): " + SAMPLES.get(sample) + ", " + mutation;
            SourceStats stats = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(file,
                    random.nextBoolean()), what);
            assertTrue(stats.events() >= 0 && stats.diagnostics().size() <= 1000, what);
            events += stats.events();
            problems += stats.failed() + stats.warnings() + stats.chunksSkipped();
        }
        assertTrue(events > 0, "mutants still give events");
        assertTrue(problems > 0, "mutations are reported");
    }

    private static SourceStats read(Path file, boolean recovery) throws IOException {
        long[] count = {0};
        SourceStats stats = new EvtxEvidenceReader().read(ReadRequest.of(new Source(1, file, "mutant.evtx", "evtx"),
                ReadOptions.defaults().withThreads(2).withIncludeRecovered(recovery)), event -> count[0]++);
        if (count[0] != stats.events()) {
            throw new AssertionError("the sink got " + count[0] + " events, the figures say " + stats.events());
        }
        try (EvtxRecordXml xml = new EvtxRecordXml(file)) {
            // XML rendering of arbitrary offsets: an error is an IOException, never a crash
            for (long offset : new long[] {4096 + 512, 4096 + 1024, 8192, 70_000}) {
                try {
                    xml.record(offset);
                } catch (IOException expected) {
                    // not a record there, or a damaged one: reported, not thrown as anything else
                }
            }
        }
        return stats;
    }

    /** Applies one to three random mutations and writes the mutant; returns what was done. */
    private static String mutate(byte[] original, Random random, Path target) throws IOException {
        byte[] data = original.clone();
        StringBuilder what = new StringBuilder();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(6);
            switch (kind) {
                case 0 -> {
                    int flips = 1 + random.nextInt(64);
                    for (int i = 0; i < flips; i++) {
                        int at = random.nextInt(data.length);
                        data[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    what.append(flips).append(" bit flips; ");
                }
                case 1 -> {
                    int length = random.nextInt(data.length);
                    data = java.util.Arrays.copyOf(data, length);
                    what.append("truncated to ").append(length).append("; ");
                }
                case 2 -> {
                    int chunks = Math.max(1, (data.length - 4096) / 65536);
                    int chunk = random.nextInt(chunks);
                    int from = 4096 + chunk * 65536 + random.nextInt(512);
                    int length = random.nextInt(65536);
                    for (int i = from; i < Math.min(data.length, from + length); i++) {
                        data[i] = (byte) random.nextInt(256);
                    }
                    what.append("garbage in chunk ").append(chunk).append("; ");
                }
                case 3 -> {
                    // record sizes, template and name offsets are little-endian u32 after a 2A 2A 00 00 or in BinXML
                    for (int i = 0; i < 16; i++) {
                        int at = 4096 + random.nextInt(Math.max(1, data.length - 4100));
                        int value = random.nextBoolean() ? random.nextInt() : random.nextInt(70_000);
                        for (int b = 0; b < 4 && at + b < data.length; b++) {
                            data[at + b] = (byte) (value >>> (8 * b));
                        }
                    }
                    what.append("garbage sizes and offsets; ");
                }
                case 4 -> {
                    int at = random.nextInt(Math.min(data.length, 4096) + 1);
                    for (int i = at; i < Math.min(data.length, at + 128); i++) {
                        data[i] = (byte) random.nextInt(256);
                    }
                    what.append("garbage header at ").append(at).append("; ");
                }
                default -> {
                    // a template instance pointing at itself, values claiming the maximum size
                    for (int i = 4096 + 512; i + 16 < data.length; i += 4096 + random.nextInt(4096)) {
                        if (data[i] == 0x0C) {
                            data[i + 6] = (byte) random.nextInt(256);
                            data[i + 7] = (byte) random.nextInt(256);
                        }
                        if (data[i] == 0x0D || data[i] == 0x0E) {
                            data[i + 1] = (byte) 0xFF;
                        }
                    }
                    what.append("template references; ");
                }
            }
        }
        Files.write(target, data);
        return what.toString();
    }
}
