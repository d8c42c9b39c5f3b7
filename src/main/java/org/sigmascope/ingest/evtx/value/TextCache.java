package org.sigmascope.ingest.evtx.value;

import java.util.Arrays;

import org.sigmascope.ingest.evtx.binxml.Bytes;

/**
 * Short UTF-16 texts decoded before, found again by their bytes: element and attribute names (each chunk spells
 * them out anew) and the literal text of template-less records (forwarded events, some Defender logs), where
 * every {@code <Data Name="Engine version">} of every record writes its name as text. Taking the same
 * {@link String} again saves decoding and allocating it, and, because a string keeps its hash code, every later
 * lookup of it as a field name (joining, sibling checks, the event's field index) is answered by identity
 * instead of hashing fresh text.
 *
 * <p>Direct-mapped and bounded ({@value #SLOTS} texts of at most {@value #MAX_CHARS} characters): a collision
 * replaces the older text. Only text decoded without repair is kept, so a record with invalid UTF-16 is warned
 * about every time. One per decoder (per worker thread).
 */
public final class TextCache {
    static final int SLOTS = 4096;
    static final int MAX_CHARS = 48;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];
    private final TextDecoder decoder;

    public TextCache(TextDecoder decoder) {
        this.decoder = decoder;
    }

    /** {@code chars} UTF-16LE code units from {@code offset}, as {@link TextDecoder#utf16} decodes them. */
    public String utf16(byte[] data, int offset, int chars) {
        if (chars > MAX_CHARS || chars <= 0) {
            return decoder.utf16(data, offset, chars);
        }
        int length = 2 * chars;
        int slot = hash(data, offset, length) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && Arrays.equals(key, 0, length, data, offset, offset + length)) {
            return texts[slot];
        }
        boolean repaired = decoder.lossy();
        String text = decoder.utf16(data, offset, chars);
        if (!repaired && !decoder.lossy()) {
            keys[slot] = Arrays.copyOfRange(data, offset, offset + length);
            texts[slot] = text;
        }
        return text;
    }

    private static int hash(byte[] data, int offset, int length) {
        long h = length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ Bytes.i64(data, offset + i)) * 0x9E37_79B9_7F4A_7C15L;
        }
        for (; i < length; i++) {
            h = (h ^ data[offset + i]) * 0x9E37_79B9_7F4A_7C15L;
        }
        return (int) (h ^ h >>> 29 ^ h >>> 41);
    }
}
