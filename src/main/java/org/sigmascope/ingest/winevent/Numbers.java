package org.sigmascope.ingest.winevent;

/** Lenient number parsing for values exports give as text. */
public final class Numbers {
    private Numbers() {
    }

    /** A decimal integer (surrounding spaces allowed), or {@code null}. */
    public static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int length = t.length();
        if (length == 0 || length > 20) {
            return null;
        }
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == length) {
            return null;
        }
        for (int i = start; i < length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal or {@code 0x} hexadecimal integer, or {@code null}. */
    public static Long parseLongOrHex(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            try {
                return Long.parseUnsignedLong(t.substring(2), 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parseLong(t);
    }
}
