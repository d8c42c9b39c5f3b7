package org.sigmascope.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Python list literals Plaso writes into CSV cells ({@code ['Windows Modules Installer', 'stopped']}):
 * single- or double-quoted strings with backslash escapes. Anything else gives {@code null}.
 */
final class PythonList {
    private PythonList() {
    }

    static List<String> parse(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
            return null;
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        int end = t.length() - 1;
        while (true) {
            while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == ',')) {
                i++;
            }
            if (i >= end) {
                return items;
            }
            char quote = t.charAt(i);
            if (quote != '\'' && quote != '"') {
                return null;
            }
            StringBuilder item = new StringBuilder();
            i++;
            while (i < end && t.charAt(i) != quote) {
                char c = t.charAt(i++);
                if (c != '\\' || i >= end) {
                    item.append(c);
                    continue;
                }
                char escaped = t.charAt(i++);
                switch (escaped) {
                    case 'n' -> item.append('\n');
                    case 'r' -> item.append('\r');
                    case 't' -> item.append('\t');
                    case 'x', 'u' -> {
                        int digits = escaped == 'x' ? 2 : 4;
                        if (i + digits > end) {
                            return null;
                        }
                        item.append((char) Integer.parseInt(t.substring(i, i + digits), 16));
                        i += digits;
                    }
                    default -> item.append(escaped);
                }
            }
            if (i >= end) {
                return null;
            }
            items.add(item.toString());
            i++;
        }
    }
}
