package org.sigmascope.store;

import java.util.List;

import org.sigmascope.model.Fields;

/**
 * Writes an event's fields as the JSON object the case keeps (the shape of {@code JsonCodec.fields}) into a
 * reused buffer, and text as it reads inside a JSON string. One writer defines both, so free-text search, which
 * looks for escaped text in the stored JSON, escapes exactly as the import did. Escapes what JSON requires
 * ({@code "}, {@code \}, control characters) and nothing else, as Jackson does by default. Not thread-safe.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final StringBuilder out = new StringBuilder(4096);

    /** The fields as one JSON object. */
    String object(Fields fields) {
        out.setLength(0);
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, fields.name(i));
            out.append(':');
            value(fields.value(i));
        }
        out.append('}');
        String json = out.toString();
        if (out.capacity() > 1 << 20) {
            out.setLength(0);
            out.trimToSize();
        }
        return json;
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                string(out, d.toString());
            } else {
                out.append(d.doubleValue());
            }
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i));
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    /** Text as it appears between the quotes of a JSON string. */
    public static String escaped(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        escape(b, text);
        return b.toString();
    }

    private static void string(StringBuilder b, String text) {
        b.append('"');
        escape(b, text);
        b.append('"');
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
