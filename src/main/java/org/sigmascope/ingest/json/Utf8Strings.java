package org.sigmascope.ingest.json;

import java.util.Arrays;

/**
 * Decodes the JSON strings {@link ByteJsonParser} cannot copy as they are: those with escapes or non-ASCII UTF-8.
 * Strict: invalid or overlong UTF-8, encoded surrogates, control characters and unknown escapes are left to
 * Jackson (the caller falls back), so that Jackson's errors and its decoding of such input stay what they were.
 * {@code \}{@code uXXXX} escapes give their UTF-16 unit as Jackson does, a surrogate pair as a pair and a lone
 * surrogate as itself.
 */
final class Utf8Strings {
    private char[] chars = new char[256];
    private int length;

    /**
     * Decodes from {@code start} (the byte after the opening quote) up to the closing quote; {@code bytes[start,
     * plainEnd)} are known to be plain ASCII. Returns the index of the closing quote, or -1 when the string is not
     * one to decode here. The text is then {@link #text()}.
     */
    int decode(byte[] bytes, int start, int plainEnd, int end) {
        ensure(plainEnd - start + 16);
        char[] out = chars;
        int n = 0;
        for (int i = start; i < plainEnd; i++) {
            out[n++] = (char) bytes[i];
        }
        int p = plainEnd;
        while (p < end) {
            int c = bytes[p] & 0xff;
            if (n + 2 > out.length) {
                length = n;
                ensure(n + 2 + (end - p));
                out = chars;
            }
            if (c == '"') {
                length = n;
                return p;
            }
            if (c == '\\') {
                if (p + 1 >= end) {
                    return -1;
                }
                int e = bytes[p + 1];
                char decoded;
                switch (e) {
                    case '"' -> decoded = '"';
                    case '\\' -> decoded = '\\';
                    case '/' -> decoded = '/';
                    case 'b' -> decoded = '\b';
                    case 'f' -> decoded = '\f';
                    case 'n' -> decoded = '\n';
                    case 'r' -> decoded = '\r';
                    case 't' -> decoded = '\t';
                    case 'u' -> {
                        int unit = p + 6 <= end ? hex4(bytes, p + 2) : -1;
                        if (unit < 0) {
                            return -1;
                        }
                        out[n++] = (char) unit;
                        p += 6;
                        continue;
                    }
                    default -> {
                        return -1;
                    }
                }
                out[n++] = decoded;
                p += 2;
            } else if (c < 0x20) {
                return -1;
            } else if (c < 0x80) {
                out[n++] = (char) c;
                p++;
            } else {
                int used = utf8(bytes, p, end, c, out, n);
                if (used < 0) {
                    return -1;
                }
                n += used >>> 8;
                p += used & 0xff;
            }
        }
        return -1;
    }

    /** The text decoded last. */
    String text() {
        return new String(chars, 0, length);
    }

    private void ensure(int capacity) {
        if (chars.length < capacity) {
            chars = Arrays.copyOf(chars, Math.max(capacity, chars.length * 2));
        }
    }

    /**
     * One multi-byte UTF-8 sequence starting with {@code lead} at {@code p}, written to {@code out[n]}: the
     * chars written times 256 plus the bytes read, or -1 when it is not valid, shortest-form UTF-8.
     */
    private static int utf8(byte[] bytes, int p, int end, int lead, char[] out, int n) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            if (p + 1 >= end || !continuation(bytes[p + 1], 0x80, 0xBF)) {
                return -1;
            }
            out[n] = (char) (((lead & 0x1F) << 6) | (bytes[p + 1] & 0x3F));
            return (1 << 8) | 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF would encode a surrogate
            if (p + 2 >= end || !continuation(bytes[p + 1], low, high) || !continuation(bytes[p + 2], 0x80, 0xBF)) {
                return -1;
            }
            out[n] = (char) (((lead & 0x0F) << 12) | ((bytes[p + 1] & 0x3F) << 6) | (bytes[p + 2] & 0x3F));
            return (1 << 8) | 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF; // beyond U+10FFFF otherwise
            if (p + 3 >= end || !continuation(bytes[p + 1], low, high) || !continuation(bytes[p + 2], 0x80, 0xBF)
                    || !continuation(bytes[p + 3], 0x80, 0xBF)) {
                return -1;
            }
            int code = ((lead & 0x07) << 18) | ((bytes[p + 1] & 0x3F) << 12) | ((bytes[p + 2] & 0x3F) << 6)
                    | (bytes[p + 3] & 0x3F);
            out[n] = Character.highSurrogate(code);
            out[n + 1] = Character.lowSurrogate(code);
            return (2 << 8) | 4;
        }
        return -1;
    }

    private static boolean continuation(byte b, int low, int high) {
        int v = b & 0xff;
        return v >= low && v <= high;
    }

    private static int hex4(byte[] bytes, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
