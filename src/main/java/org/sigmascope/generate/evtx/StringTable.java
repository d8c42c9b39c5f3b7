package org.sigmascope.generate.evtx;

/**
 * The chunk's table of element and attribute names: each name is written once per chunk, inline where it is
 * first used, and chained into one of 64 buckets by its hash (chunk header offset 128). Later uses point to it.
 */
final class StringTable {
    static final int BUCKETS = 64;

    final BucketTable<String> table = new BucketTable<>(BUCKETS);

    /** The name's offset in this chunk, or -1 when it is not there yet. */
    int offsetOf(String name) {
        return table.offsetOf(name);
    }

    /** Writes the name entry at the buffer's position: next-in-bucket, hash, length, UTF-16, NUL. */
    void writeEntry(ChunkBuffer buffer, String name) {
        int hash = hash(name);
        buffer.u32(table.add(name, hash % BUCKETS, buffer.position()));
        buffer.u16(hash);
        buffer.u16(name.length());
        buffer.utf16(name);
        buffer.u16(0);
    }

    /** The 16-bit name hash Windows stores (and buckets by): h = h * 65599 + c over the UTF-16 code units. */
    static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = h * 65599 + name.charAt(i);
        }
        return h & 0xffff;
    }
}
