package org.sigmascope.proctree;

/**
 * Process GUIDs of one host to process indexes, with open addressing over one primitive array: each slot is three
 * longs (the GUID's halves, then host and value), so a lookup touches one cache line, which matters when every
 * Sysmon event looks one up. The host is part of the key: cloned machines can repeat GUIDs, and a GUID only
 * identifies a process on the host that logged it.
 */
final class GuidMap {
    private static final int WIDTH = 3;
    private long[] slots;
    private int capacity;
    private int size;

    GuidMap() {
        allocate(64);
    }

    private void allocate(int slotCount) {
        capacity = slotCount;
        slots = new long[slotCount * WIDTH];
        for (int i = 2; i < slots.length; i += WIDTH) {
            slots[i] = -1; // value -1: empty
        }
        size = 0;
    }

    /** The process, or -1. */
    int get(int host, Guid guid) {
        int mask = capacity - 1;
        for (int slot = hash(host, guid) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * WIDTH;
            long tail = slots[at + 2];
            if (tail == -1) {
                return -1;
            }
            if (slots[at] == guid.hi() && slots[at + 1] == guid.lo() && (int) (tail >>> 32) == host) {
                return (int) tail;
            }
        }
    }

    void put(int host, Guid guid, int value) {
        if ((size + 1) * 10L > capacity * 7L) { // at most 70% full: short probes, a third less memory than half
            grow();
        }
        int mask = capacity - 1;
        for (int slot = hash(host, guid) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * WIDTH;
            long tail = slots[at + 2];
            boolean empty = tail == -1;
            if (empty || slots[at] == guid.hi() && slots[at + 1] == guid.lo() && (int) (tail >>> 32) == host) {
                slots[at] = guid.hi();
                slots[at + 1] = guid.lo();
                slots[at + 2] = (long) host << 32 | (value & 0xFFFF_FFFFL);
                if (empty) {
                    size++;
                }
                return;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        allocate(capacity * 2);
        for (int at = 0; at < old.length; at += WIDTH) {
            long tail = old[at + 2];
            if (tail != -1) {
                put((int) (tail >>> 32), new Guid(old[at], old[at + 1]), (int) tail);
            }
        }
    }

    private static int hash(int host, Guid guid) {
        return LongIntMap.mix((guid.hi() * 31 + guid.lo()) ^ ((long) host << 40));
    }
}
