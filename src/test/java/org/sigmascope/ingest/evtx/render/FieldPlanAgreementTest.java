package org.sigmascope.ingest.evtx.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.evtx.binxml.BinXmlException;
import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.binxml.ChunkContext;
import org.sigmascope.ingest.evtx.value.ValueDecoder;
import org.sigmascope.model.Fields;

/**
 * Replayed plans give what a full walk of the record gives — the same fields (names, order, values and their
 * types), the same event time, the same lossy-text flag, the same error on a damaged record — for every record
 * of every corpus file, and of mutants of them (bit flips and garbage values inside records, which change value
 * types and sizes from record to record of one template).
 */
class FieldPlanAgreementTest {
    private static final int MUTANTS = 150;

    @Test
    void plansAgreeWithTheWalkOnEveryCorpusRecord() throws IOException {
        List<Path> files = corpusFiles();
        long[] records = new long[2];
        for (Path file : files) {
            compare(Files.readAllBytes(file), file.toString(), records);
        }
        assertTrue(records[0] > 30_000, "the corpus has its records: " + records[0]);
        assertTrue(records[1] > records[0] / 2, "most records replay a plan: " + records[1] + " of " + records[0]);
    }

    @Test
    void plansAgreeWithTheWalkOnDamagedRecords() throws IOException {
        List<Path> files = corpusFiles();
        Random random = new Random(20_261_129L);
        long[] records = new long[2];
        for (int i = 0; i < MUTANTS; i++) {
            Path file = files.get(random.nextInt(files.size()));
            byte[] data = Files.readAllBytes(file);
            if (data.length < 4096 + ChunkContext.CHUNK_SIZE) {
                continue;
            }
            if (i % 2 == 0) {
                retype(data, random);
            } else {
                // Garbage inside records only: chunk headers stay, so the records are still walked in turn.
                int flips = 1 + random.nextInt(300);
                for (int k = 0; k < flips; k++) {
                    int at = 4096 + random.nextInt(data.length - 4096);
                    if ((at - 4096) % ChunkContext.CHUNK_SIZE >= 512) {
                        data[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256)
                                : (byte) (data[at] ^ 1 << random.nextInt(8));
                    }
                }
            }
            compare(data, "mutant " + i + " of " + file, records);
        }
        assertTrue(records[1] > 0, "mutants still replay plans");
    }

    /** Fixed-size types wider than many values: a value retyped to one decodes to null when it is shorter. */
    private static final int[] WIDE_TYPES = {0x0A, 0x0F, 0x11, 0x12, 0x15};

    /**
     * Retypes one value (the same index, to the same wide type) of the outer template instance of half the records,
     * sizes kept so the records still parse: one template then meets that value typed as before, or retyped and
     * long enough, or retyped and too short (decoded to null) — three shapes, each a plan of its own.
     */
    private static void retype(byte[] data, Random random) {
        int index = random.nextInt(20);
        byte type = (byte) WIDE_TYPES[random.nextInt(WIDE_TYPES.length)];
        for (int chunk = 4096; chunk + ChunkContext.CHUNK_SIZE <= data.length; chunk += ChunkContext.CHUNK_SIZE) {
            int record = chunk + 512;
            while (record + 28 <= chunk + ChunkContext.CHUNK_SIZE && Bytes.i32(data, record) == 0x2A2A) {
                long size = Bytes.u32(data, record + 4);
                if (size < 28 || record + size > chunk + ChunkContext.CHUNK_SIZE) {
                    break;
                }
                int p = record + 28;
                if (random.nextBoolean() && data[record + 24] == 0x0F && data[p] == 0x0C) {
                    int q = p + 10;
                    if (Bytes.i32(data, p + 6) == q - chunk) {
                        q += 24 + (int) Bytes.u32(data, q + 20);
                    }
                    if (q + 4 < record + size && Bytes.u32(data, q) > index) {
                        data[q + 4 + 4 * index + 2] = type;
                    }
                }
                record += (int) size;
            }
        }
    }

    private static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Corpus.path("evtx"))) {
            return walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
    }

    /** Walks the records of every chunk in turn, flattening each both ways. */
    private static void compare(byte[] file, String name, long[] records) {
        ValueDecoder planDecoder = new ValueDecoder();
        ChunkContext planContext = new ChunkContext(planDecoder.text());
        RecordFlattener planned = new RecordFlattener(planContext, planDecoder, true);
        ValueDecoder walkDecoder = new ValueDecoder();
        ChunkContext walkContext = new ChunkContext(walkDecoder.text());
        RecordFlattener walked = new RecordFlattener(walkContext, walkDecoder, false);
        for (int chunk = 4096; chunk + ChunkContext.CHUNK_SIZE <= file.length; chunk += ChunkContext.CHUNK_SIZE) {
            System.arraycopy(file, chunk, planContext.data(), 0, ChunkContext.CHUNK_SIZE);
            System.arraycopy(file, chunk, walkContext.data(), 0, ChunkContext.CHUNK_SIZE);
            planContext.reset();
            walkContext.reset();
            byte[] data = planContext.data();
            int p = 512;
            while (p + 28 <= ChunkContext.CHUNK_SIZE && Bytes.i32(data, p) == 0x2A2A) {
                long size = Bytes.u32(data, p + 4);
                if (size < 28 || p + size > ChunkContext.CHUNK_SIZE) {
                    break;
                }
                String where = name + " @ chunk 0x" + Integer.toHexString(chunk) + " + 0x" + Integer.toHexString(p);
                Outcome expected = flatten(walked, walkDecoder, p, (int) size);
                Outcome actual = flatten(planned, planDecoder, p, (int) size);
                assertEquals(expected, actual, where);
                records[0]++;
                p += (int) size;
            }
        }
        records[1] += planned.replayed();
    }

    /** What one flattening gave: fields with their value types, the time, the lossy flag, or the error. */
    private record Outcome(String fields, long time, boolean lossy, String error) {
    }

    private static Outcome flatten(RecordFlattener flattener, ValueDecoder decoder, int p, int size) {
        decoder.text().clearLossy();
        try {
            Fields fields = flattener.flatten(p + 24, p + size - 4);
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                Object value = fields.value(i);
                typed.append(fields.name(i)).append('=')
                        .append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value).append('\n');
            }
            return new Outcome(typed.toString(), flattener.timeCreated(), decoder.text().lossy(), null);
        } catch (RuntimeException e) {
            String at = e instanceof BinXmlException located ? " at 0x" + Integer.toHexString(located.offset()) : "";
            return new Outcome(null, 0, false, e.getClass().getName() + ": " + e.getMessage() + at);
        }
    }
}
