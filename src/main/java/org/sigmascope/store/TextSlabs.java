package org.sigmascope.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a batch, in UTF-8, packed into large byte arrays that are kept and reused from batch to batch. Arrays
 * this large are allocated straight into the old generation and never copied by the collector, whereas an array per
 * value lives a second or more (until its batch commits) and is copied from survivor space to the old generation:
 * that copying measured a third of the import's garbage collection.
 */
final class TextSlabs {
    /** 4 MiB: above half a G1 region at any heap size up to 8 GiB, so allocated as a humongous object. */
    private static final int SLAB = 4 << 20;

    private final List<byte[]> slabs = new ArrayList<>();
    /** Values larger than a slab, each in an array of its own; their addresses are negative. */
    private final List<byte[]> large = new ArrayList<>();
    private int slab = -1;
    private int used = SLAB;
    private long bytes;

    /** Copies text in; returns its address, for {@link #copy}. */
    long put(byte[] text, int length) {
        bytes += length;
        if (length > SLAB) {
            large.add(Arrays.copyOf(text, length));
            return -large.size();
        }
        if (used + length > SLAB) {
            slab++;
            if (slab == slabs.size()) {
                slabs.add(new byte[SLAB]);
            }
            used = 0;
        }
        System.arraycopy(text, 0, slabs.get(slab), used, length);
        long address = (long) slab << 32 | used;
        used += length;
        return address;
    }

    /** The text at an address, as an array of its own. */
    byte[] copy(long address, int length) {
        if (address < 0) {
            return large.get((int) -address - 1);
        }
        int at = (int) address;
        return Arrays.copyOfRange(slabs.get((int) (address >>> 32)), at, at + length);
    }

    /** Bytes held. */
    long bytes() {
        return bytes;
    }

    /** Forgets the text; keeps the slabs for the next batch (but not the arrays of large values). */
    void clear() {
        large.clear();
        slab = -1;
        used = SLAB;
        bytes = 0;
    }
}
