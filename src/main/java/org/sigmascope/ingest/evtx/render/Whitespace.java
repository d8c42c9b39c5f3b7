package org.sigmascope.ingest.evtx.render;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.evtx.value.ValueType;

/**
 * Trims trailing Unicode white space (the White_Space property, as Rust's {@code str::trim_end}) from field
 * values; leading white space is kept, as the evtx crate keeps it.
 */
final class Whitespace {
    private Whitespace() {
    }

    /** A string trimmed; a list with its strings trimmed; anything else as it is. */
    static Object trim(Object value) {
        if (value instanceof String text) {
            return trim(text);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(trim(item));
            }
            return items;
        }
        return value;
    }

    static String trim(String text) {
        int end = text.length();
        while (end > 0 && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    /**
     * Whether a value of {@code type} in {@code data} may decode to something trimming changes: text whose last
     * character is white space, or a list. Numbers, GUIDs, SIDs, times and hex never end in white space. Told from
     * the bytes, which the reader has in hand, rather than from the string, which it would have to touch again.
     */
    static boolean mayEndInWhiteSpace(byte[] data, int type, int offset, int size) {
        if (ValueType.isArray(type) || type == ValueType.ANSI_STRING) {
            return true;
        }
        if (type != ValueType.STRING && type != ValueType.EVT_XML) {
            return false;
        }
        // the last UTF-16 unit before the trailing NULs, which decoding drops
        for (int p = offset + (size / 2 - 1) * 2; p >= offset; p -= 2) {
            char c = (char) ((data[p] & 0xff) | (data[p + 1] & 0xff) << 8);
            if (c != 0) {
                return isWhiteSpace(c);
            }
        }
        return false;
    }

    private static boolean isWhiteSpace(char c) {
        if (c > ' ' && c < '\u0085') {
            return false; // the usual last character, answered in one test
        }
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r';
        }
        return c == '\u0085' || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028'
                || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}
