package org.sigmascope.ingest.evtx.render;

import java.util.ArrayList;
import java.util.List;

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
