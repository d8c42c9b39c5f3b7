package org.sigmascope.proctree;

import java.util.Arrays;

/**
 * A map from {@code long} to non-negative {@code int} with open addressing: no object per entry, so the process id
 * table of a case with millions of processes stays a few arrays. Entries are replaced, never removed.
 */
final class LongIntMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap() {
        keys = new long[64];
        values = new int[64];
        Arrays.fill(values, EMPTY);
    }

    /** The value, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            int value = values[slot];
            if (value == EMPTY || keys[slot] == key) {
                return value;
            }
        }
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values are non-negative");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (values[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == EMPTY) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
