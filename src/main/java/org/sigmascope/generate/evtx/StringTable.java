package org.sigmascope.generate.evtx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The chunk's table of element and attribute names: each name is written once per chunk, inline where it is
 * first used, and chained into one of 64 buckets by its hash (chunk header offset 128). Later uses point to it.
 * Additions made by a record that did not fit are rolled back.
 */
final class StringTable {
    static final int BUCKETS = 64;

    final int[] heads = new int[BUCKETS];
    private final Map<String, Integer> offsets = new HashMap<>();
    private final Deque<Object[]> journal = new ArrayDeque<>();

    /** The name's offset in this chunk, or -1 when it is not there yet. */
    int offsetOf(String name) {
        Integer offset = offsets.get(name);
        return offset == null ? -1 : offset;
    }

    /** Writes the name entry at the buffer's position: next-in-bucket, hash, length, UTF-16, NUL. */
    void writeEntry(ChunkBuffer buffer, String name) {
        int hash = hash(name);
        int bucket = hash % BUCKETS;
        int offset = buffer.position();
        buffer.u32(heads[bucket]);
        buffer.u16(hash);
        buffer.u16(name.length());
        buffer.utf16(name);
        buffer.u16(0);
        journal.push(new Object[] {name, bucket, heads[bucket]});
        heads[bucket] = offset;
        offsets.put(name, offset);
    }

    /** Keeps the additions of the record just written. */
    void commit() {
        journal.clear();
    }

    void rollback() {
        while (!journal.isEmpty()) {
            Object[] entry = journal.pop();
            offsets.remove((String) entry[0]);
            heads[(Integer) entry[1]] = (Integer) entry[2];
        }
    }

    void clear() {
        offsets.clear();
        journal.clear();
        java.util.Arrays.fill(heads, 0);
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
