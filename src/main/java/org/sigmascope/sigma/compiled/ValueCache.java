package org.sigmascope.sigma.compiled;

import java.util.Arrays;

/**
 * One scanner's results by field value, for one thread: an open-addressing table keyed by the value's text, with
 * a hash of its length and a few sampled chars (hashing whole values, most of them new String objects of a new
 * event, cost more than the lookups saved). Emptied when full. {@link ScanMemo} decides which values are worth
 * looking up here.
 */
final class ValueCache {
    /** Slots at the most; the table starts small and doubles while at most half full. */
    private static final int CAPACITY = 8192;
    /** Entries before the table is emptied: half the slots, so probes stay short. */
    static final int ENTRIES = CAPACITY / 2;

    private String[] keys = new String[64];
    private int[] hashes = new int[64];
    private int[][] values = new int[64][];
    private int size;

    static int hash(String text) {
        int length = text.length();
        int h = length;
        if (length > 0) {
            int step = Math.max(1, length >>> 3);
            for (int i = length - 1; i >= 0; i -= step) {
                h = 31 * h + text.charAt(i);
            }
        }
        return h ^ (h >>> 15);
    }

    int[] get(String text, int hash) {
        int mask = keys.length - 1;
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].equals(text)) {
                return values[slot];
            }
        }
        return null;
    }

    /** Adds a value not in the table; returns how many entries were dropped to make room (0 or all). */
    int put(String text, int hash, int[] found) {
        int dropped = 0;
        if (size >= ENTRIES) {
            dropped = clear();
        } else if (size * 2 >= keys.length) {
            grow();
        }
        insert(text, hash, found);
        size++;
        return dropped;
    }

    private void insert(String text, int hash, int[] found) {
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = text;
        hashes[slot] = hash;
        values[slot] = found;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[][] oldValues = values;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        values = new int[keys.length][];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    int size() {
        return size;
    }

    int clear() {
        int dropped = size;
        if (size > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
        return dropped;
    }
}
