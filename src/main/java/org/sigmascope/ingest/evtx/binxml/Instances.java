package org.sigmascope.ingest.evtx.binxml;

/**
 * The layout of a template instance token (evtx-checklist "BinXML tokens", 0x0C): u8 0x01, u32 template id,
 * u32 definition offset; the definition inline when that offset is the current position (u32 next, 16-byte
 * GUID, u32 data size, data); then u32 N, N × (u16 size, u8 type, u8 0) and the N values back to back.
 */
final class Instances {
    /** More substitutions than a 64 KiB chunk can describe means the count is garbage. */
    static final int MAX_VALUES = ChunkContext.CHUNK_SIZE / 4;

    private Instances() {
    }

    /** The chunk offset of the template definition of the instance at {@code p}. */
    static int definition(byte[] data, int p) {
        return Bytes.i32(data, p + 6);
    }

    /** Where the value descriptors of the instance at {@code p} start (past an inline definition). */
    static int descriptors(byte[] data, int p, int limit) {
        int definition = definition(data, p);
        int q = p + 10;
        if (definition == q) {
            long size = Bytes.u32(data, q + 20);
            if (q + 24 + size > limit) {
                throw new BinXmlException(q, "inline template definition runs past the record");
            }
            q += 24 + (int) size;
        }
        return q;
    }

    /** Where the instance at {@code p} ends. */
    static int end(ChunkContext context, int p, int limit) {
        byte[] data = context.data();
        int q = descriptors(data, p, limit);
        long count = Bytes.u32(data, q);
        if (count > MAX_VALUES) {
            throw new BinXmlException(q, "template instance claims " + count + " values");
        }
        int values = q + 4 + 4 * (int) count;
        long end = values;
        for (int i = 0; i < count; i++) {
            end += Bytes.u16(data, q + 4 + 4 * i);
        }
        if (end > limit) {
            throw new BinXmlException(q, "template instance values run past the record");
        }
        return (int) end;
    }
}
