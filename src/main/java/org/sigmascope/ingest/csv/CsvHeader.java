package org.sigmascope.ingest.csv;

import java.util.Locale;

/**
 * The header row of a CSV file. Columns are looked up by name without regard to case, spaces, underscores or
 * dashes ({@code Event ID}, {@code event_id} and {@code EventId} are one name), and in any order.
 */
final class CsvHeader {
    private final String[] names;
    private final String[] keys;

    CsvHeader(String[] cells) {
        names = new String[cells.length];
        keys = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            names[i] = cells[i].strip();
            keys[i] = key(names[i]);
        }
    }

    static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '.') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    /** The first column named by any of the names, or -1. */
    int index(String... aliases) {
        for (String alias : aliases) {
            String wanted = key(alias);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    boolean hasAll(String... names) {
        for (String name : names) {
            if (index(name) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The cell of a column in a row, or {@code null} when the row is shorter or the column absent. */
    static String cell(String[] row, int index) {
        return index >= 0 && index < row.length ? row[index] : null;
    }
}
