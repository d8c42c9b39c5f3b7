package org.sigmascope.ingest.csv;

import java.util.Arrays;

/**
 * The text of a quoted cell as it is unquoted: runs of chars copied in at once, made into a {@link String} once.
 * Cheaper than a {@link StringBuilder}, which checks every appended char to keep its compact form (EvtxECmd's
 * Payload cells are a kilobyte of JSON with a doubled quote every few chars).
 */
final class CellText {
    private char[] chars = new char[1024];
    private int length;

    void clear() {
        length = 0;
    }

    void append(char[] from, int offset, int count) {
        ensure(count);
        System.arraycopy(from, offset, chars, length, count);
        length += count;
    }

    void append(char c) {
        ensure(1);
        chars[length++] = c;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(length + more, chars.length * 2));
        }
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
