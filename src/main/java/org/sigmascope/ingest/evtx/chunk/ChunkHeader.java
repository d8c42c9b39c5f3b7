package org.sigmascope.ingest.evtx.chunk;

import java.util.zip.CRC32;

import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.binxml.ChunkContext;

/**
 * A chunk's 512-byte header (evtx-checklist "Chunk"). Offsets are relative to the chunk.
 *
 * @param firstRecordId   id of the chunk's first record
 * @param lastRecordId    id of its last record
 * @param lastRecordOffset where its last record starts
 * @param freeSpaceOffset where its records end (the rest is slack)
 * @param dataChecksum    CRC32 of the record data {@code [512, freeSpaceOffset)}
 * @param headerChecksum  CRC32 of bytes 0–119 and 128–511
 */
public record ChunkHeader(long firstRecordId, long lastRecordId, long lastRecordOffset, long freeSpaceOffset,
                          long dataChecksum, long headerChecksum) {
    public static final int SIZE = 512;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    public static boolean hasSignature(byte[] chunk, int offset) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (chunk[offset + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    public static ChunkHeader parse(byte[] chunk, int offset) {
        return new ChunkHeader(Bytes.i64(chunk, offset + 24), Bytes.i64(chunk, offset + 32),
                Bytes.u32(chunk, offset + 44), Bytes.u32(chunk, offset + 48), Bytes.u32(chunk, offset + 52),
                Bytes.u32(chunk, offset + 124));
    }

    /** Whether the free space offset can be where the records end. */
    public boolean freeSpaceValid() {
        return freeSpaceOffset >= SIZE && freeSpaceOffset <= ChunkContext.CHUNK_SIZE;
    }

    public boolean headerChecksumOk(byte[] chunk) {
        CRC32 crc = new CRC32();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, SIZE - 128);
        return crc.getValue() == headerChecksum;
    }

    public boolean dataChecksumOk(byte[] chunk) {
        if (!freeSpaceValid()) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(chunk, SIZE, (int) freeSpaceOffset - SIZE);
        return crc.getValue() == dataChecksum;
    }

    /** Whether the header's record id range is plausible (a chunk holds at most ~2,300 records). */
    public boolean idRangePlausible() {
        return firstRecordId >= 0 && lastRecordId >= firstRecordId
                && lastRecordId - firstRecordId < ChunkContext.CHUNK_SIZE / 28;
    }
}
