package org.sigmascope.ingest.evtx.value;

import java.nio.charset.StandardCharsets;

/**
 * Builds the ASCII text of a value (numbers, hex, times, GUIDs, SIDs: at most a few thousand characters) in a
 * reused buffer, so that formatting a
 * value allocates only its {@link String}: {@code StringBuilder}, {@code Long.toString} and string concatenation
 * each allocate again, and at a million records a second, with a dozen such values each, that was a fifth of the
 * reader's time. One per decoder (per worker thread).
 */
final class AsciiText {
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** "00" to "99": a time is written two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] bytes = new byte[4096];
    private int length;

    AsciiText clear() {
        length = 0;
        return this;
    }

    /** The text so far: Latin-1 bytes become a compact string in one copy. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    AsciiText append(char c) {
        bytes[length++] = (byte) c;
        return this;
    }

    AsciiText append(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** {@code value >= 0} in decimal, zero-padded to {@code width} digits. */
    AsciiText digits(long value, int width) {
        if (value <= Integer.MAX_VALUE) {
            return digits((int) value, width);
        }
        int count = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            count++;
        }
        pad(count, width);
        int end = length + count;
        long rest = value;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length = end;
        return this;
    }

    /** The usual case (every part of a time, most numbers): int division is the cheaper one. */
    private AsciiText digits(int value, int width) {
        int count = 1;
        for (int rest = value / 10; rest != 0; rest /= 10) {
            count++;
        }
        pad(count, width);
        int end = length + count;
        int rest = value;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length = end;
        return this;
    }

    /** {@code 0 <= value < 100} as exactly two digits. */
    AsciiText two(int value) {
        bytes[length++] = PAIRS[2 * value];
        bytes[length++] = PAIRS[2 * value + 1];
        return this;
    }

    private void pad(int count, int width) {
        for (int i = count; i < width; i++) {
            bytes[length++] = '0';
        }
    }

    /** An unsigned 64-bit value in hex without padding (as {@link Long#toHexString}). */
    AsciiText hex(long value, boolean upper) {
        byte[] digits = upper ? HEX_UPPER : HEX_LOWER;
        int count = Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
        for (int i = length + count - 1; i >= length; i--) {
            bytes[i] = digits[(int) (value & 0xf)];
            value >>>= 4;
        }
        length += count;
        return this;
    }

    /** One byte as two upper-case hex digits. */
    AsciiText hexByte(int b) {
        bytes[length++] = HEX_UPPER[(b >>> 4) & 0xf];
        bytes[length++] = HEX_UPPER[b & 0xf];
        return this;
    }
}
