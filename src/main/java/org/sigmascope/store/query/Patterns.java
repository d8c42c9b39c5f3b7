package org.sigmascope.store.query;

import org.sigmascope.store.JsonText;

/** Turns query values into the LIKE patterns, regular expressions and JSON text that the compiled SQL binds. */
final class Patterns {
    private Patterns() {
    }

    /** The text matched literally by {@code ILIKE ? ESCAPE '\'}. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A query value with {@code *} and {@code ?} wildcards as a LIKE pattern. */
    static String wildcard(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '*' -> out.append('%');
                case '?' -> out.append('_');
                case '\\', '%', '_' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A value as a LIKE pattern: with wildcards unless it was quoted. */
    static String like(Query.Text text) {
        return text.literal() ? literal(text.text()) : wildcard(text.text());
    }

    /** Text matched literally by an RE2 regular expression: its metacharacters escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Text as it appears inside a JSON string of the case's {@code fields} (quotes and backslashes escaped the way
     * the case writes them), so that free text can be found in the JSON without parsing it.
     */
    static String asJson(String text) {
        return JsonText.escaped(text);
    }
}
