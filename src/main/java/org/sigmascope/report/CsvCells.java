package org.sigmascope.report;

/**
 * Makes evidence text safe in CSV cells. Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula (CSV injection); such cells get a leading apostrophe, which
 * spreadsheets show as text and hide. Quoting follows RFC 4180.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.equals("-")) {
            return value; // Windows' placeholder for "none", everywhere in Sysmon data; alone it is no formula
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** A neutralized, quoted-when-needed cell. */
    public static String cell(String value) {
        String safe = neutralize(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    public static String row(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
