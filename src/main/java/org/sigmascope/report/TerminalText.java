package org.sigmascope.report;

/**
 * Text from evidence on a terminal. Control characters (an escape sequence can retitle the window, clear the screen,
 * or on some terminals type a command) and bidirectional overrides (which show {@code invoice\u202Efdp.exe} as
 * {@code invoiceexe.pdf}) must not reach it as they are: they are written as {@code \\uXXXX}.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** Whether a character must not reach a terminal as it is; line breaks and tabs are for the caller to judge. */
    public static boolean unsafe(int c) {
        return Character.isISOControl(c) || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** The text with every unsafe character, line breaks and tabs included, written as {@code \\uXXXX}. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
