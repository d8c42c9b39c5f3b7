package org.sigmascope.generate.evtx;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A chunk's hash table of entries written into the chunk (names, templates): bucket heads as the chunk header
 * stores them, each new entry pointing to the previous head. The additions of a record that did not fit are
 * rolled back, so the heads never point past the chunk's free space.
 *
 * @param <K> what an entry is found by
 */
final class BucketTable<K> {
    final int[] heads;
    private final Map<K, Integer> offsets = new HashMap<>();
    private final Deque<Undo<K>> journal = new ArrayDeque<>();

    BucketTable(int buckets) {
        heads = new int[buckets];
    }

    /** The entry's offset in this chunk, or -1 when it is not there yet. */
    int offsetOf(K key) {
        Integer offset = offsets.get(key);
        return offset == null ? -1 : offset;
    }

    /** Records an entry written at {@code offset}; returns the bucket's previous head (the entry's next). */
    int add(K key, int bucket, int offset) {
        int previous = heads[bucket];
        journal.push(new Undo<>(key, bucket, previous));
        heads[bucket] = offset;
        offsets.put(key, offset);
        return previous;
    }

    void commit() {
        journal.clear();
    }

    void rollback() {
        while (!journal.isEmpty()) {
            Undo<K> undo = journal.pop();
            offsets.remove(undo.key);
            heads[undo.bucket] = undo.previous;
        }
    }

    void clear() {
        offsets.clear();
        journal.clear();
        Arrays.fill(heads, 0);
    }

    private record Undo<K>(K key, int bucket, int previous) {
    }
}
