package org.sigmascope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

import org.sigmascope.report.TerminalText;

/**
 * Standard error, where messages name evidence files and quote what is wrong in them: both are the attacker's.
 * Control characters (an escape sequence can retitle the window, clear the screen, or on some terminals type a
 * command) and bidirectional overrides (which show text reversed) are written as {@code \\uXXXX}; line breaks, tab
 * and the carriage return the progress bar needs are kept.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    static boolean unsafe(int c) {
        return TerminalText.unsafe(c) && c != '\n' && c != '\r' && c != '\t';
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe(c)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (unsafe(chars[i])) {
                out.write(chars, start, i - start);
                write(chars[i]);
                start = i + 1;
            }
        }
        out.write(chars, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
