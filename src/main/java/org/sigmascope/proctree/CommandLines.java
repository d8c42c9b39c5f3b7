package org.sigmascope.proctree;

/**
 * Compares a command line a child's start gives for its parent (Sysmon's {@code ParentCommandLine}) with the one
 * the parent's own start gave. The two are meant to be the same text but are not always: real Sysmon logs escape
 * {@code %} as {@code %%} in one and not the other, and long values can be cut. So they agree when they are equal
 * ignoring case, white space and that escape, or when one is a long prefix of the other.
 */
final class CommandLines {
    /** Below this, a prefix is not taken as a cut value: {@code cmd.exe} must not agree with {@code cmd.exe /c x}. */
    private static final int CUT_LENGTH = 200;

    private CommandLines() {
    }

    static boolean agree(String a, String b) {
        String x = normalize(a);
        String y = normalize(b);
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() < y.length() ? x : y;
        String longer = shorter == x ? y : x;
        return shorter.length() >= CUT_LENGTH && longer.startsWith(shorter);
    }

    private static String normalize(String commandLine) {
        StringBuilder out = new StringBuilder(commandLine.length());
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == '%' && i + 1 < commandLine.length() && commandLine.charAt(i + 1) == '%') {
                i++;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
