package org.sigmascope.ingest.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Tells JSON and CSV evidence apart from other text and from binary files, by the first bytes: JSON starts with
 * <code>{</code> or <code>[</code> (after a byte order mark and spaces); CSV is text whose first line holds a
 * delimiter ({@code , ; tab |}). Files with control characters other than tab and line breaks are neither.
 */
public final class TextSniffer {
    public enum Kind { JSON, CSV, OTHER }

    private TextSniffer() {
    }

    public static Kind sniff(byte[] head, int length) {
        TextInput.Encoding encoding = TextInput.detect(head, length);
        String text = decode(head, length, encoding);
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return Kind.OTHER;
        }
        if (!isText(text)) {
            return Kind.OTHER;
        }
        char first = text.charAt(i);
        if (first == '{' || first == '[') {
            return Kind.JSON;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String line = text.substring(i, end);
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            if (line.indexOf(delimiter) >= 0) {
                return Kind.CSV;
            }
        }
        return Kind.OTHER;
    }

    private static String decode(byte[] head, int length, TextInput.Encoding encoding) {
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        int skip = encoding.bomLength();
        // An even number of bytes for UTF-16, and a sequence cut at the end of the sample is dropped, not replaced.
        int usable = encoding.isUtf8() ? length - skip : (length - skip) & ~1;
        CharBuffer chars = CharBuffer.allocate(Math.max(0, usable) + 1);
        decoder.decode(ByteBuffer.wrap(head, skip, Math.max(0, usable)), chars, false);
        chars.flip();
        return chars.toString();
    }

    private static boolean isText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }
}
