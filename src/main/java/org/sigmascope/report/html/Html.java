package org.sigmascope.report.html;

/**
 * Escapes text for HTML. Evidence is attacker-controlled, so every character that could end a text run or an
 * attribute value is escaped, and characters that hide or disguise text are made visible:
 * <ul>
 * <li>{@code & < > " '} become character references (in attribute values, which are always double-quoted,
 *     {@code '} is safe and kept);</li>
 * <li>control characters (other than tab, carriage return and new line), bidirectional overrides (the
 *     right-to-left override that makes {@code invoice\u202Efdp.exe} read as {@code invoiceexe.pdf}), zero-width characters and the
 *     byte order mark are shown as {@code \}{@code uXXXX};</li>
 * <li>unpaired surrogates (which no encoding can write) become U+FFFD.</li>
 * </ul>
 * In text, a made-visible character is wrapped in {@code <span class="ctl">} so that the reader sees it was not
 * literally in the evidence as those six characters.
 */
public final class Html {
    private Html() {
    }

    /** Text content: safe between tags, with hidden characters shown marked. */
    public static String text(String value) {
        return escape(value, true);
    }

    /** An attribute value, to be written inside double quotes (as {@link HtmlOut} always does). */
    public static String attr(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean markup) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement = replacement(value, i, c, markup);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                    if (Character.isHighSurrogate(c)) {
                        out.append(value.charAt(++i));
                    }
                } else if (Character.isHighSurrogate(c)) {
                    i++;
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
                out.append(value, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? value : out.toString();
    }

    /** What to write for the char at {@code i}, or {@code null} to keep it (a valid pair is kept whole). */
    private static String replacement(String value, int i, char c, boolean markup) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return markup ? "&#39;" : null;
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                break;
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            return paired ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            return "\uFFFD"; // a low surrogate reached here has no high surrogate before it
        }
        if (isHidden(c)) {
            String visible = String.format("\\u%04X", (int) c);
            return markup ? "<span class=\"ctl\">" + visible + "</span>" : visible;
        }
        return null;
    }

    /** Characters a reader cannot see, or that change how the text around them reads. */
    static boolean isHidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2069)
                || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
    }
}
