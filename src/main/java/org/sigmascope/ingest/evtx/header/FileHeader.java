package org.sigmascope.ingest.evtx.header;

import java.util.zip.CRC32;

import org.sigmascope.ingest.evtx.binxml.Bytes;

/**
 * The EVTX file header (evtx-checklist "File header": the first 4,096 bytes, 128 used). Its chunk count is never
 * trusted (it is wrong in many real files and overflows above ~4 GB): the reader walks every chunk to the end
 * of the file.
 *
 * @param signatureOk   the file starts with {@code ElfFile\0}
 * @param firstChunk    number of the oldest chunk
 * @param lastChunk     number of the current chunk
 * @param nextRecordId  the record id the log would write next (stale in a dirty file)
 * @param minorVersion  1, or 2 on Windows 10 2004 and later
 * @param majorVersion  3
 * @param chunkCount    the header's chunk count (informative only)
 * @param flags         0x1 dirty, 0x2 full, 0x4 no CRC32
 * @param checksumOk    the CRC32 of bytes 0–119 matches the stored one
 */
public record FileHeader(boolean signatureOk, long firstChunk, long lastChunk, long nextRecordId, int minorVersion,
                         int majorVersion, int chunkCount, long flags, boolean checksumOk) {
    public static final int SIZE = 4096;
    public static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    public static final int FLAG_DIRTY = 0x1;
    public static final int FLAG_FULL = 0x2;
    public static final int FLAG_NO_CRC32 = 0x4;

    /** Reads the header from the first bytes of the file ({@code length} of them were read, up to 4,096). */
    public static FileHeader parse(byte[] head, int length) {
        if (length < 128) {
            return new FileHeader(false, 0, 0, 0, 0, 0, 0, 0, false);
        }
        CRC32 crc = new CRC32();
        crc.update(head, 0, 120);
        return new FileHeader(hasSignature(head, length), Bytes.i64(head, 8), Bytes.i64(head, 16),
                Bytes.i64(head, 24), Bytes.u16(head, 36), Bytes.u16(head, 38), Bytes.u16(head, 42),
                Bytes.u32(head, 120), crc.getValue() == Bytes.u32(head, 124));
    }

    public static boolean hasSignature(byte[] head, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean dirty() {
        return (flags & FLAG_DIRTY) != 0;
    }

    /** Writers set this flag when they do not maintain checksums; mismatches are then expected. */
    public boolean noChecksums() {
        return (flags & FLAG_NO_CRC32) != 0;
    }
}
