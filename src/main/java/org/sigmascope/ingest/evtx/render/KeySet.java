package org.sigmascope.ingest.evtx.render;

import java.util.Arrays;

/**
 * The set of field keys one record has claimed, emptied per record in constant time (a generation counter
 * instead of clearing the table).
 */
final class KeySet {
    private String[] keys = new String[256];
    private int[] generations = new int[256];
    private int generation = 1;
    private int size;

    void clear() {
        generation++;
        size = 0;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(generations, 0);
            generation = 1;
        }
    }

    /** Adds the key; false when it was there already. */
    boolean add(String key) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = key.hashCode() & mask;
        while (generations[slot] == generation) {
            if (keys[slot] == key || keys[slot].equals(key)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        generations[slot] = generation;
        size++;
        return true;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldGenerations = generations;
        keys = new String[oldKeys.length * 2];
        generations = new int[oldKeys.length * 2];
        int current = generation;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldGenerations[i] == current) {
                add(oldKeys[i]);
            }
        }
    }
}
