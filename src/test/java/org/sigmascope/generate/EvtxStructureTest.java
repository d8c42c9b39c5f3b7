package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.task.Cancellation;

/**
 * The EVTX structure checked field by field against the format (docs/evtx-checklist.md): file header and its
 * CRC, chunk headers and both CRCs, record framing and 8-byte alignment, consecutive record ids, and the string
 * and template tables: every chained entry in the bucket its hash names, with the hash Windows computes.
 */
class EvtxStructureTest {
    @TempDir
    Path dir;

    @Test
    void headersChecksumsAndTablesAreAsWindowsWritesThem() throws IOException {
        Capture capture = new Capture(OutputFormat.EVTX.factory());
        Generator.run(GenerateOptions.of(2, 12_000, 5, OutputFormat.EVTX, dir), capture, (d, t, m) -> { },
                Cancellation.NEVER);
        int checkedChunks = 0;
        for (Map.Entry<Path, List<Capture.Written>> file : capture.files().entrySet()) {
            checkedChunks += check(file.getKey(), file.getValue().size());
        }
        assertTrue(checkedChunks > 20, "several full chunks were checked: " + checkedChunks);
    }

    private static int check(Path file, long records) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        String where = file.getFileName().toString();
        assertEquals("ElfFile\0", ascii(b, 0, 8), where);
        assertEquals(crc(b, 0, 120), b.getInt(124) & 0xffffffffL, where + ": file header CRC");
        assertEquals(128, b.getInt(32));
        assertEquals(2, b.getShort(36));
        assertEquals(3, b.getShort(38));
        assertEquals(4096, b.getShort(40));
        int chunks = (b.capacity() - 4096) / 65536;
        assertEquals((b.capacity() - 4096) % 65536, 0, where + ": whole chunks");
        assertEquals(chunks, b.getShort(42), where + ": chunk count");
        assertEquals(chunks - 1, b.getLong(16), where + ": last chunk");
        assertEquals(records + 1, b.getLong(24), where + ": next record id");
        long expectedId = 1;
        for (int c = 0; c < chunks; c++) {
            int base = 4096 + c * 65536;
            String at = where + " chunk " + c;
            assertEquals("ElfChnk\0", ascii(b, base, 8), at);
            CRC32 header = new CRC32();
            header.update(b.array(), base, 120);
            header.update(b.array(), base + 128, 384);
            assertEquals(header.getValue(), b.getInt(base + 124) & 0xffffffffL, at + ": header CRC");
            int free = b.getInt(base + 48);
            assertEquals(crc(b, base + 512, free - 512), b.getInt(base + 52) & 0xffffffffL, at + ": data CRC");
            assertEquals(expectedId, b.getLong(base + 24), at + ": first record id");
            int offset = 512;
            int last = 0;
            while (offset < free) {
                assertEquals(0x2A2A, b.getInt(base + offset), at + " @" + offset);
                int size = b.getInt(base + offset + 4);
                assertEquals(0, size % 8, at + ": records are 8-byte aligned");
                assertEquals(size, b.getInt(base + offset + size - 4), at + ": trailing size copy");
                assertEquals(expectedId++, b.getLong(base + offset + 8), at + ": consecutive ids");
                last = offset;
                offset += size;
            }
            assertEquals(free, offset, at + ": free space starts after the last record");
            assertTrue(free <= 65536 - 8, at);
            assertEquals(last, b.getInt(base + 44), at + ": last record offset");
            assertEquals(expectedId - 1, b.getLong(base + 32), at + ": last record id");
            checkStrings(b, base, free, at);
            checkTemplates(b, base, free, at);
        }
        assertEquals(records + 1, expectedId, where);
        return chunks;
    }

    private static void checkStrings(ByteBuffer b, int base, int free, String at) {
        Set<String> names = new HashSet<>();
        for (int bucket = 0; bucket < 64; bucket++) {
            int offset = b.getInt(base + 128 + 4 * bucket);
            while (offset != 0) {
                assertTrue(offset >= 512 && offset < free, at + ": string entry inside the records");
                int hash = b.getShort(base + offset + 4) & 0xffff;
                int length = b.getShort(base + offset + 6) & 0xffff;
                String name = new String(b.array(), base + offset + 8, 2 * length, StandardCharsets.UTF_16LE);
                assertEquals(hash(name), hash, at + ": hash of " + name);
                assertEquals(bucket, hash % 64, at + ": bucket of " + name);
                assertTrue(names.add(name), at + ": " + name + " is defined once per chunk");
                offset = b.getInt(base + offset);
            }
        }
        assertTrue(names.containsAll(List.of("Event", "System", "Provider", "Computer")), at + ": " + names);
    }

    private static void checkTemplates(ByteBuffer b, int base, int free, String at) {
        int count = 0;
        for (int bucket = 0; bucket < 32; bucket++) {
            int offset = b.getInt(base + 384 + 4 * bucket);
            while (offset != 0) {
                assertTrue(offset >= 512 && offset < free, at + ": template inside the records");
                int h = 0;
                for (int i = 0; i < 16; i += 2) {
                    h = h * 65599 + (b.getShort(base + offset + 4 + i) & 0xffff);
                }
                assertEquals(bucket, Integer.remainderUnsigned(h, 32), at + ": template bucket");
                int size = b.getInt(base + offset + 20);
                assertEquals(0x0F, b.get(base + offset + 24), at + ": template body starts with a fragment header");
                assertEquals(0x00, b.get(base + offset + 24 + size - 1), at + ": and ends with end of stream");
                count++;
                offset = b.getInt(base + offset);
            }
        }
        assertTrue(count >= 2, at + ": a System and an EventData template at least");
    }

    private static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = h * 65599 + name.charAt(i);
        }
        return h & 0xffff;
    }

    private static long crc(ByteBuffer b, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(b.array(), offset, length);
        return crc.getValue();
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        return new String(b.array(), offset, length, StandardCharsets.US_ASCII);
    }
}
