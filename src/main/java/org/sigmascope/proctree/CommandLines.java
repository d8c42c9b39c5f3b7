package org.sigmascope.proctree;

/**
 * Compares a command line a child's start gives for its parent (Sysmon's {@code ParentCommandLine}) with the one
 * the parent's own start gave. The two are meant to be the same text but are not always: real Sysmon logs escape
 * {@code %} as {@code %%} in one and not the other, and long values can be cut. So they agree when they are equal
 * ignoring case, white space and that escape, or when one is a long prefix of the other. Compared in place, since
 * every start with a named parent compares one.
 */
final class CommandLines {
    /** Below this, a prefix is not taken as a cut value: {@code cmd.exe} must not agree with {@code cmd.exe /c x}. */
    private static final int CUT_LENGTH = 200;

    private CommandLines() {
    }

    static boolean agree(String a, String b) {
        int i = 0;
        int j = 0;
        int matched = 0;
        while (true) {
            i = next(a, i);
            j = next(b, j);
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length() || matched >= CUT_LENGTH;
            }
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
                return false;
            }
            i += x == '%' && i + 1 < a.length() && a.charAt(i + 1) == '%' ? 2 : 1;
            j += y == '%' && j + 1 < b.length() && b.charAt(j + 1) == '%' ? 2 : 1;
            matched++;
        }
    }

    /** The index of the next character that counts, skipping white space. */
    private static int next(String s, int from) {
        while (from < s.length() && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }
}
