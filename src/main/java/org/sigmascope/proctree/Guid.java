package org.sigmascope.proctree;

/**
 * A process GUID (Sysmon's {@code ProcessGuid}) as two longs, so millions of them cost no objects in the tree.
 * Parsed from any of the spellings exports use: with or without braces, upper or lower case.
 *
 * @param hi the first 16 hex digits
 * @param lo the last 16 hex digits
 */
public record Guid(long hi, long lo) {

    /**
     * The GUID in {@code text}, or {@code null} when the text is not a GUID or is the all-zero GUID (which Sysmon
     * writes when it does not know the process).
     */
    public static Guid parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from == 38 && text.charAt(from) == '{' && text.charAt(to - 1) == '}') {
            from++;
            to--;
        }
        if (to - from != 36) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int offset = i - from;
            if (offset == 8 || offset == 13 || offset == 18 || offset == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) {
                return null;
            }
            if (digits < 16) {
                hi = hi << 4 | v;
            } else {
                lo = lo << 4 | v;
            }
            digits++;
        }
        return hi == 0 && lo == 0 ? null : new Guid(hi, lo);
    }

    /** The GUID as Sysmon writes it: {@code {6B8A1C2D-0001-6571-0007-000000001A00}}. */
    @Override
    public String toString() {
        String h = String.format("%016X", hi);
        String l = String.format("%016X", lo);
        return "{" + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + l.substring(0, 4) + "-" + l.substring(4) + "}";
    }
}
