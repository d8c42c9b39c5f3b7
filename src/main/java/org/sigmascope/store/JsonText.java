package org.sigmascope.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.sigmascope.model.Fields;

/**
 * Writes an event's fields as the JSON object the case keeps (the shape of {@code JsonCodec.fields}), in UTF-8
 * through a reused buffer, and text as it reads inside a JSON string. One class defines both, so free-text search,
 * which looks for escaped text in the stored JSON, escapes exactly as the import did. Escapes what JSON requires
 * ({@code "}, {@code \}, control characters) and nothing else, as Jackson does by default. Not thread-safe.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** The UTF-8 being written; grows as needed, and is let go of after an unusually large event. */
    private byte[] out = new byte[4096];
    private int length;

    /** The fields as one JSON object. */
    String object(Fields fields) {
        return new String(utf8(fields), StandardCharsets.UTF_8);
    }

    /**
     * The fields as one JSON object, in UTF-8: written straight to bytes, so that the case does not build a
     * {@code String} per event only to encode it again (an unpaired surrogate becomes {@code ?}, as
     * {@link String#getBytes} makes it).
     */
    byte[] utf8(Fields fields) {
        int written = write(fields);
        return Arrays.copyOf(out, written);
    }

    /** Writes the fields as {@link #utf8} does, into {@link #buffer}; returns the length written. */
    int write(Fields fields) {
        if (out.length > 1 << 20) {
            out = new byte[4096];
        }
        length = 0;
        put((byte) '{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            string(fields.name(i));
            put((byte) ':');
            value(fields.value(i));
        }
        put((byte) '}');
        return length;
    }

    /** The buffer {@link #write} writes into, valid until the next call. */
    byte[] buffer() {
        return out;
    }

    private void value(Object value) {
        if (value == null) {
            ascii(NULL);
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Long || value instanceof Boolean) {
            ascii(value.toString());
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                string(d.toString());
            } else {
                ascii(Double.toString(d));
            }
        } else if (value instanceof List<?> list) {
            put((byte) '[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                value(list.get(i));
            }
            put((byte) ']');
        } else {
            string(value.toString());
        }
    }

    private void put(byte b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = b;
    }

    private void ascii(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    private void ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[length++] = (byte) text.charAt(i);
        }
    }

    private void room(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    /** A JSON string in UTF-8, escaped as {@link #escape} escapes it. */
    private void string(String text) {
        int n = text.length();
        // At most 6 bytes a char (a six-character escape), 3 for other chars of the BMP, 4 for a surrogate pair.
        room(n * 6 + 2);
        byte[] b = out;
        int at = length;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                    continue;
                }
                b[at++] = '\\';
                switch (c) {
                    case '"' -> b[at++] = '"';
                    case '\\' -> b[at++] = '\\';
                    case '\n' -> b[at++] = 'n';
                    case '\r' -> b[at++] = 'r';
                    case '\t' -> b[at++] = 't';
                    case '\b' -> b[at++] = 'b';
                    case '\f' -> b[at++] = 'f';
                    default -> {
                        b[at++] = 'u';
                        b[at++] = '0';
                        b[at++] = '0';
                        b[at++] = (byte) HEX[c >> 4];
                        b[at++] = (byte) HEX[c & 0xf];
                    }
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    b[at++] = (byte) (0xf0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xe0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        b[at++] = '"';
        length = at;
    }

    /** Text as it appears between the quotes of a JSON string. */
    public static String escaped(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        escape(b, text);
        return b.toString();
    }

    private static void escape(StringBuilder b, String text) {
        int length = text.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            b.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        b.append(text, plain, length);
    }
}
