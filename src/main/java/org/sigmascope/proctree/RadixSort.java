package org.sigmascope.proctree;

/**
 * A stable LSD radix sort of {@code long} keys (signed order) carrying an {@code int} payload: O(n), no boxing,
 * for ordering millions of sightings by time or event index entries by id. Equal keys keep their input order.
 */
final class RadixSort {
    private RadixSort() {
    }

    /** Sorts {@code keys[0..n)} and permutes {@code payload} alike. */
    static void sort(long[] keys, int[] payload, int n) {
        if (n < 2) {
            return;
        }
        long or = 0;
        long and = -1;
        for (int i = 0; i < n; i++) {
            long k = keys[i] ^ Long.MIN_VALUE; // signed order as unsigned
            or |= k;
            and &= k;
        }
        long varying = or ^ and; // only the bytes that differ need a pass
        long[] keyBuffer = new long[n];
        int[] payloadBuffer = new int[n];
        long[] fromKeys = keys;
        int[] fromPayload = payload;
        long[] toKeys = keyBuffer;
        int[] toPayload = payloadBuffer;
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            if ((varying >>> shift & 0xFF) == 0) {
                continue;
            }
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((fromKeys[i] ^ Long.MIN_VALUE) >>> shift & 0xFF) + 1]++;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i = 0; i < n; i++) {
                int at = counts[(int) ((fromKeys[i] ^ Long.MIN_VALUE) >>> shift & 0xFF)]++;
                toKeys[at] = fromKeys[i];
                toPayload[at] = fromPayload[i];
            }
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            int[] swapPayload = fromPayload;
            fromPayload = toPayload;
            toPayload = swapPayload;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, n);
            System.arraycopy(fromPayload, 0, payload, 0, n);
        }
    }
}
