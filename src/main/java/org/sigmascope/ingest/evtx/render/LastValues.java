package org.sigmascope.ingest.evtx.render;

import java.util.Arrays;

import org.sigmascope.ingest.evtx.value.ValueType;

/**
 * The value last decoded at each value position of one template, with its type and bytes. Most values repeat
 * from record to record (provider, channel, computer, SIDs, user and domain names, {@code "-"}): when the bytes
 * are the same, the decoded value is too — decoding reads nothing else and values are immutable — so comparing
 * the bytes (one vectorized compare) replaces decoding and allocating the text again. A position whose value
 * keeps changing (a time, a record id) stops being compared after a few misses.
 *
 * <p>Not kept: lists (they are mutable until they become fields), nulls, and text that had to be repaired (the
 * record must be warned about again). Numbers are kept too: keeping only text was measured no faster, and
 * allocated more.
 */
final class LastValues {
    /** Returned when there is no value to reuse. */
    static final Object MISS = new Object();
    private static final int GIVE_UP = 16;

    private final int[] types;
    private final int[] sizes;
    private final byte[][] bytes;
    private final Object[] values;
    private final int[] misses;

    LastValues(int positions) {
        types = new int[positions];
        sizes = new int[positions];
        bytes = new byte[positions][];
        values = new Object[positions];
        misses = new int[positions];
    }

    /** Whether position {@code i} is still worth comparing. */
    boolean tries(int i, int type) {
        return misses[i] < GIVE_UP && !ValueType.isArray(type);
    }

    /** The value last decoded at position {@code i} from the same type and bytes, or {@link #MISS}. */
    Object find(int i, int type, byte[] data, int offset, int size) {
        Object value = values[i];
        if (value != null && types[i] == type && sizes[i] == size
                && Arrays.equals(bytes[i], 0, size, data, offset, offset + size)) {
            misses[i] = 0;
            return value;
        }
        misses[i]++;
        return MISS;
    }

    void remember(int i, int type, byte[] data, int offset, int size, Object value) {
        if (bytes[i] == null || bytes[i].length < size) {
            bytes[i] = new byte[Math.max(size, 16)];
        }
        System.arraycopy(data, offset, bytes[i], 0, size);
        types[i] = type;
        sizes[i] = size;
        values[i] = value;
    }
}
