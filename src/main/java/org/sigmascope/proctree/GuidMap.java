package org.sigmascope.proctree;

import java.util.Arrays;

/**
 * Process GUIDs of one host to process indexes, with open addressing over primitive arrays. The host is part of
 * the key: cloned machines can repeat GUIDs, and a GUID only identifies a process on the host that logged it.
 */
final class GuidMap {
    private static final int EMPTY = -1;
    private long[] hi;
    private long[] lo;
    private int[] hosts;
    private int[] values;
    private int size;

    GuidMap() {
        allocate(64);
    }

    private void allocate(int capacity) {
        hi = new long[capacity];
        lo = new long[capacity];
        hosts = new int[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        size = 0;
    }

    /** The process, or -1. */
    int get(int host, Guid guid) {
        int mask = values.length - 1;
        for (int slot = hash(host, guid) & mask; ; slot = (slot + 1) & mask) {
            int value = values[slot];
            if (value == EMPTY || hi[slot] == guid.hi() && lo[slot] == guid.lo() && hosts[slot] == host) {
                return value;
            }
        }
    }

    void put(int host, Guid guid, int value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int slot = hash(host, guid) & mask;
        while (values[slot] != EMPTY && !(hi[slot] == guid.hi() && lo[slot] == guid.lo() && hosts[slot] == host)) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == EMPTY) {
            size++;
        }
        hi[slot] = guid.hi();
        lo[slot] = guid.lo();
        hosts[slot] = host;
        values[slot] = value;
    }

    private void grow() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        int[] oldHosts = hosts;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != EMPTY) {
                put(oldHosts[i], new Guid(oldHi[i], oldLo[i]), oldValues[i]);
            }
        }
    }

    private static int hash(int host, Guid guid) {
        return LongIntMap.mix((guid.hi() * 31 + guid.lo()) ^ ((long) host << 40));
    }
}
