package org.sigmascope.ingest.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a JSON byte stream into top-level objects, without parsing them: one object, an array of objects (of any
 * line length), JSON Lines, or pretty-printed objects back to back. Each object found is a record for the parser.
 *
 * <p>Damage costs one record, never the rest of the file. The framer follows strings and nesting; when a record
 * cannot be complete it is reported with its line and byte offset, and framing picks up again:
 * <ul>
 * <li>at the next line that starts with <code>{</code> no deeper than the broken record started (how JSON Lines
 *     and back-to-back pretty objects begin their records), when such a line comes before the record closes;</li>
 * <li>after a raw line break inside a string (JSON forbids it, so the string was cut);</li>
 * <li>after a record larger than the limit (checked as the buffer grows, so by a buffer's length), or one still
 *     open at the end of the file.</li>
 * </ul>
 */
final class RecordFramer {
    private static final int CHUNK = 1 << 16;

    /** Where framing problems go: each is one record (or one run of stray text) lost. */
    interface Problems {
        void failed(long line, long offset, String message);
    }

    /**
     * A framed object: {@code bytes[start, end)}, valid until the next call to {@link #next}.
     *
     * @param wholeLine framed as a line of JSON Lines, by its line break alone: the parser must find exactly one
     *                  object in it, or hand it back ({@link #distrust}) to be framed byte by byte
     */
    record Record(byte[] bytes, int start, int end, long offset, long line, boolean wholeLine) {
    }

    /** Reads 8 bytes at once, for finding line breaks a word at a time. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /** Bytes that end a run of ordinary string content: the closing quote, an escape, a (forbidden) line break. */
    private static final boolean[] STRING_STOP = new boolean[256];

    static {
        STRING_STOP['"'] = true;
        STRING_STOP['\\'] = true;
        STRING_STOP['\n'] = true;
    }

    private final InputStream in;
    private final int maxRecord;
    private final Problems problems;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private long base;
    private boolean eof;
    /** Start of the record being framed, kept in the buffer while it grows; -1 between records. */
    private int mark = -1;

    private long line = 1;
    private boolean atLineStart = true;
    private int indent;
    /** The indent of the line handed out last as a whole-line record, to frame it again byte by byte. */
    private int lineIndent;
    /** The offset of a record handed back by the parser: framed byte by byte, not by its line. */
    private long careful = -1;

    RecordFramer(InputStream in, int maxRecord, Problems problems) {
        this.in = in;
        this.maxRecord = maxRecord;
        this.problems = problems;
    }

    /** Bytes consumed so far, for progress. */
    long position() {
        return base + pos;
    }

    /** The next object, or {@code null} at the end of the input. */
    Record next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            byte b = buf[pos];
            switch (b) {
                case '\n' -> newLine();
                case ' ', '\t', '\r' -> space();
                case '[', ']', ',' -> {
                    pos++;
                    atLineStart = false;
                }
                case '{' -> {
                    Record record = atLineStart && base + pos != careful ? wholeLine() : null;
                    if (record == null) {
                        record = frame();
                    }
                    if (record != null) {
                        return record;
                    }
                }
                default -> skipStrayText();
            }
        }
    }

    /**
     * JSON Lines, fast: a line that starts with <code>{</code> and ends with <code>}</code> is taken as one record,
     * found by looking for its line break a word at a time rather than following every string and bracket (JSON
     * forbids raw line breaks inside strings, so the first one ends the line). The parser confirms that the line
     * holds exactly one object; when it does not, it hands the line back and the framer frames it byte by byte,
     * so damaged lines are reported exactly as before. Null when the line does not look like a record or is not
     * all in the buffer yet.
     */
    private Record wholeLine() {
        int end = lineEnd(buf, pos, limit);
        if (end < 0) {
            return null;
        }
        int last = end - 1;
        while (last > pos && (buf[last] == '\r' || buf[last] == ' ' || buf[last] == '\t')) {
            last--;
        }
        if (buf[last] != '}') {
            return null;
        }
        Record record = new Record(buf, pos, last + 1, base + pos, line, true);
        lineIndent = indent;
        pos = last + 1;
        atLineStart = false;
        return record;
    }

    /** The index of the first line feed in {@code b[from, to)}, or -1. */
    static int lineEnd(byte[] b, int from, int to) {
        int p = from;
        for (; p + 8 <= to; p += 8) {
            long x = (long) WORDS.get(b, p) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < to; p++) {
            if (b[p] == '\n') {
                return p;
            }
        }
        return -1;
    }

    /**
     * Takes back a whole-line record that the parser could not read as exactly one object: the next call to
     * {@link #next} frames it again byte by byte, and reports its damage as framing does. Only valid right after
     * {@link #next} returned it.
     */
    void distrust(Record record) {
        if (!record.wholeLine()) {
            throw new IllegalStateException("only a whole-line record can be framed again");
        }
        pos = record.start();
        line = record.line();
        atLineStart = true;
        indent = lineIndent;
        careful = record.offset();
    }

    private void newLine() {
        pos++;
        line++;
        atLineStart = true;
        indent = 0;
    }

    private void space() {
        pos++;
        if (atLineStart) {
            indent++;
        }
    }

    private Record frame() throws IOException {
        mark = pos;
        long startLine = line;
        boolean startsLine = atLineStart;
        int startIndent = indent;
        int depth = 0;
        // The scan runs on locals (written back around calls): this loop sees every byte of the input.
        byte[] b = buf;
        int p = pos;
        int end = limit;
        long lines = line;
        boolean lineStart = atLineStart;
        int spaces = indent;
        while (true) {
            if (p == end) {
                if (p - mark > maxRecord) {
                    return tooLarge(p, lines, startLine, startsLine, startIndent);
                }
                pos = p;
                boolean more = fill();
                p = pos;
                end = limit;
                b = buf;
                if (!more) {
                    line = lines;
                    problems.failed(startLine, base + mark, "the JSON record starting here is not closed before the "
                            + "end of the file (truncated?)");
                    rescanAfterMark(startLine);
                    return null;
                }
            }
            byte c = b[p];
            if (c == '"') {
                // A string: find its end, stepping over escapes; a raw line break means it was cut.
                lineStart = false;
                p++;
                boolean escaped = false;
                while (true) {
                    while (p < end && !STRING_STOP[b[p] & 0xff]) {
                        p++;
                    }
                    if (p == end) {
                        if (p - mark > maxRecord) {
                            return tooLarge(p, lines, startLine, startsLine, startIndent);
                        }
                        pos = p;
                        boolean more = fill();
                        p = pos;
                        end = limit;
                        b = buf;
                        if (!more) {
                            break;
                        }
                        if (escaped) {
                            escaped = false;
                            p++;
                        }
                        continue;
                    }
                    c = b[p];
                    if (c == '"') {
                        p++;
                        break;
                    }
                    if (c == '\\') {
                        if (p + 1 < end) {
                            p += 2;
                        } else {
                            escaped = true; // the escaped byte is in the next read
                            p++;
                        }
                        continue;
                    }
                    pos = p;
                    line = lines;
                    problems.failed(startLine, base + mark, "the JSON record starting here has a line break "
                            + "inside a string (line " + lines + "): it is cut or malformed");
                    mark = -1;
                    atLineStart = false;
                    resync(startsLine, startIndent);
                    return null;
                }
                continue;
            }
            switch (c) {
                case '{' -> {
                    if (lineStart && startsLine && depth > 0 && spaces <= startIndent) {
                        pos = p;
                        line = lines;
                        atLineStart = true;
                        indent = spaces;
                        problems.failed(startLine, base + mark, "the JSON record starting here is not closed before "
                                + "the next record begins at line " + lines);
                        mark = -1;
                        return null;
                    }
                    depth++;
                    lineStart = false;
                }
                case '[' -> {
                    depth++;
                    lineStart = false;
                }
                case '}', ']' -> {
                    depth--;
                    lineStart = false;
                    if (depth == 0) {
                        pos = p + 1;
                        line = lines;
                        atLineStart = false;
                        Record record = new Record(buf, mark, pos, base + mark, startLine, false);
                        mark = -1;
                        return record;
                    }
                }
                case '\n' -> {
                    lines++;
                    lineStart = true;
                    spaces = 0;
                }
                case ' ', '\t', '\r' -> {
                    if (lineStart) {
                        spaces++;
                    }
                }
                default -> lineStart = false;
            }
            p++;
        }
    }

    private Record tooLarge(int p, long lines, long startLine, boolean startsLine, int startIndent)
            throws IOException {
        pos = p;
        line = lines;
        atLineStart = false;
        problems.failed(startLine, base + mark, "the JSON record starting here is larger than "
                + (maxRecord >> 20) + " MiB; it is skipped");
        mark = -1;
        resync(startsLine, startIndent);
        return null;
    }

    /**
     * Skips to the next line whose first character is <code>{</code>, no deeper than {@code maxIndent} when the
     * broken record began a line, and leaves the position there.
     */
    private void resync(boolean startsLine, int maxIndent) throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return;
            }
            byte b = buf[pos];
            if (b == '\n') {
                newLine();
            } else if (atLineStart && (b == ' ' || b == '\t' || b == '\r')) {
                space();
            } else if (atLineStart && b == '{' && (!startsLine || indent <= maxIndent)) {
                return;
            } else {
                atLineStart = false;
                pos++;
            }
        }
    }

    /**
     * After a record that ran to the end of the file: everything after its first byte is in the buffer, so look
     * again from there for a line that starts a record, rather than lose the rest of the file.
     */
    private void rescanAfterMark(long startLine) throws IOException {
        pos = mark + 1;
        mark = -1;
        line = startLine;
        atLineStart = false;
        resync(false, 0);
    }

    private void skipStrayText() throws IOException {
        long startLine = line;
        long startOffset = base + pos;
        StringBuilder sample = new StringBuilder();
        boolean quoted = buf[pos] == '"';
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            byte b = buf[pos];
            if (b == '\n' || (!quoted && (b == '{' || b == '[' || b == ']' || b == ','))) {
                break;
            }
            if (sample.length() < 40 && b >= 0x20 && b < 0x7f) {
                sample.append((char) b);
            }
            pos++;
            if (quoted && b == '"' && sample.length() > 1) {
                break;
            }
        }
        atLineStart = false;
        problems.failed(startLine, startOffset, "text where a JSON object was expected: " + sample.toString().trim());
    }

    /** Reads more input, keeping the record being framed (from {@link #mark}); false at the end of the input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? mark : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            base += keep;
            pos -= keep;
            limit -= keep;
            if (mark >= 0) {
                mark = 0;
            }
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }
}
