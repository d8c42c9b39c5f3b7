package org.sigmascope.sigma.compiled;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Folded whole values → the tests that want exactly that value: one probe per field value, looked up straight from
 * the folded chars of the scan, without making a string.
 */
final class ExactTable {
    private final String[] keys;
    private final int[][] values;
    private final int mask;
    final int minLength;
    final int maxLength;

    ExactTable(Map<String, List<Integer>> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new int[capacity][];
        mask = capacity - 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Map.Entry<String, List<Integer>> entry : entries.entrySet()) {
            String key = entry.getKey();
            int slot = key.hashCode() & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            min = Math.min(min, key.length());
            max = Math.max(max, key.length());
        }
        minLength = min;
        maxLength = max;
    }

    /** The tests whose value equals the first {@code length} folded chars, or {@code null}. */
    int[] get(char[] folded, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + folded[i];
        }
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key.length() == length && key.hashCode() == hash && equal(key, folded, length)) {
                return values[slot];
            }
        }
        return null;
    }

    private static boolean equal(String key, char[] folded, int length) {
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != folded[i]) {
                return false;
            }
        }
        return true;
    }

    long bytes() {
        return 8L * keys.length + Arrays.stream(keys).mapToLong(k -> k == null ? 0 : 40 + 2L * k.length()).sum();
    }
}
