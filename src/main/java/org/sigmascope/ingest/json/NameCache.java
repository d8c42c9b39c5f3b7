package org.sigmascope.ingest.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of object keys, found by their UTF-8 bytes, so that a key met in every record (there are some forty
 * in an event) is made into a {@link String} once per file rather than once per record, and the shapes' lookups
 * find the same instance (identity first, hash code cached). A key is known by its length and its first and last
 * eight bytes, which for keys of up to 16 bytes (nearly all) is the whole key, so most lookups compare no bytes.
 * Bounded: when full, new keys are still returned, just not kept (a file whose keys all differ, Hayabusa's free-form
 * details, must not grow the cache without end).
 */
final class NameCache {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SLOTS = 1 << 11;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int MAX_KEY = 64;

    private final int[] lengths = new int[SLOTS];
    private final long[] firsts = new long[SLOTS];
    private final long[] lasts = new long[SLOTS];
    /** The bytes of keys longer than 16, which the two words do not cover; {@code null} for shorter ones. */
    private final byte[][] longKeys = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];
    private int entries;

    /** The key {@code bytes[start, end)}: plain ASCII, no escapes. */
    String name(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length > MAX_KEY) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        long first = word(bytes, start, Math.min(length, 8));
        long last = length > 8 ? (long) WORDS.get(bytes, end - 8) : 0;
        long mixed = (first * 0x9E3779B97F4A7C15L) ^ (last * 0xC2B2AE3D27D4EB4FL) ^ length;
        int mask = SLOTS - 1;
        int slot = (int) (mixed >>> 40) & mask;
        String name;
        while ((name = names[slot]) != null) {
            if (lengths[slot] == length && firsts[slot] == first && lasts[slot] == last
                    && (length <= 16 || middleEquals(longKeys[slot], bytes, start))) {
                return name;
            }
            slot = (slot + 1) & mask;
        }
        name = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        if (entries < MAX_ENTRIES) {
            lengths[slot] = length;
            firsts[slot] = first;
            lasts[slot] = last;
            longKeys[slot] = length > 16 ? Arrays.copyOfRange(bytes, start, end) : null;
            names[slot] = name;
            entries++;
        }
        return name;
    }

    /** Whether the bytes between the first and the last eight (already compared) are the same. */
    private static boolean middleEquals(byte[] key, byte[] bytes, int start) {
        for (int i = 8; i < key.length - 8; i += 8) {
            if ((long) WORDS.get(key, i) != (long) WORDS.get(bytes, start + i)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code length} (at most 8) bytes at {@code at}, little-endian, higher bytes zero. */
    private static long word(byte[] bytes, int at, int length) {
        if (length == 8 || at + 8 <= bytes.length) {
            long word = (long) WORDS.get(bytes, at);
            return length == 8 ? word : word & ((1L << (length << 3)) - 1);
        }
        long word = 0;
        for (int i = length - 1; i >= 0; i--) {
            word = (word << 8) | (bytes[at + i] & 0xff);
        }
        return word;
    }
}
