package org.sigmascope.generate.evtx;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk being filled: its buffer, its string and template tables, and the header written when it is
 * full (docs/evtx-checklist.md, "Chunk").
 */
final class Chunk {
    private static final byte[] SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
    /** Windows sets 1 in this field of every chunk it writes (752 of 753 chunks in the corpus). */
    private static final int FLAGS = 1;

    final ChunkBuffer buffer = new ChunkBuffer();
    final StringTable strings = new StringTable();
    final TemplateTable templates = new TemplateTable();
    final BinXmlWriter xml = new BinXmlWriter(buffer, strings);

    private long firstRecordId = -1;
    private long lastRecordId = -1;
    private int lastRecordOffset;

    boolean isEmpty() {
        return firstRecordId < 0;
    }

    /** Marks the record just encoded at {@code offset} as kept. */
    void committed(long recordId, int offset) {
        if (firstRecordId < 0) {
            firstRecordId = recordId;
        }
        lastRecordId = recordId;
        lastRecordOffset = offset;
        strings.table.commit();
        templates.table.commit();
    }

    /** Forgets a record that did not fit: its bytes and the names and templates it defined. */
    void rolledBack(int offset) {
        buffer.truncate(offset);
        strings.table.rollback();
        templates.table.rollback();
    }

    /** Fills in the header and its checksums; the buffer then holds the finished chunk. */
    byte[] finish() {
        byte[] b = buffer.bytes;
        int free = buffer.position();
        System.arraycopy(SIGNATURE, 0, b, 0, SIGNATURE.length);
        buffer.putU64(8, firstRecordId);   // first record number: equal to the id in a log that never wrapped
        buffer.putU64(16, lastRecordId);
        buffer.putU64(24, firstRecordId);
        buffer.putU64(32, lastRecordId);
        buffer.putU32(40, 128);
        buffer.putU32(44, lastRecordOffset);
        buffer.putU32(48, free);
        CRC32 data = new CRC32();
        data.update(b, ChunkBuffer.HEADER_SIZE, free - ChunkBuffer.HEADER_SIZE);
        buffer.putU32(52, data.getValue());
        buffer.putU32(120, FLAGS);
        for (int i = 0; i < StringTable.BUCKETS; i++) {
            buffer.putU32(128 + 4 * i, strings.table.heads[i]);
        }
        for (int i = 0; i < TemplateTable.BUCKETS; i++) {
            buffer.putU32(384 + 4 * i, templates.table.heads[i]);
        }
        CRC32 header = new CRC32();
        header.update(b, 0, 120);
        header.update(b, 128, ChunkBuffer.HEADER_SIZE - 128);
        buffer.putU32(124, header.getValue());
        return b;
    }

    void reset() {
        buffer.reset();
        strings.table.clear();
        templates.table.clear();
        firstRecordId = -1;
        lastRecordId = -1;
        lastRecordOffset = 0;
    }
}
