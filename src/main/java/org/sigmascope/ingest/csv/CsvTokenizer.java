package org.sigmascope.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV rows as RFC 4180 defines them, streaming: cells separated by a delimiter, quoted cells with
 * {@code ""} for a quote and line breaks inside, rows ended by LF, CRLF or CR; blank lines skipped. Stray quotes
 * inside unquoted cells, and text after a closing quote, are kept as text, as spreadsheets do.
 *
 * <p>A quoted cell that is never closed would swallow the rest of the file; when one runs to the end of the file
 * or past the row size limit, the row is reported with its line and reading starts again on the line after the
 * row began, so one broken row costs one row.
 */
final class CsvTokenizer {
    private static final int CHUNK = 1 << 16;

    /** Where rows that cannot be read go. */
    interface Problems {
        void failed(long line, String message);
    }

    private final Reader in;
    private final int maxRow;
    private final Problems problems;
    private char delimiter = ',';
    private char[] buf = new char[CHUNK];
    private int pos;
    private int limit;
    private long base;
    private boolean eof;
    private int mark = -1;
    private long line = 1;
    private long rowLine;
    /** Where the last row returned began in the buffer, for {@link #retryAfterFirstLine()}; -1 when unknown. */
    private int lastRowStart = -1;
    /** Whether a multi-line quoted cell of the current row had text after its closing quote (RFC 4180 forbids it). */
    private boolean suspicious;
    private final List<String> cells = new ArrayList<>();
    private final CellText quoted = new CellText();

    CsvTokenizer(Reader in, int maxRow, Problems problems) {
        this.in = in;
        this.maxRow = maxRow;
        this.problems = problems;
    }

    void delimiter(char value) {
        this.delimiter = value;
    }

    /** The first line of the input (without consuming it), for sniffing the delimiter; at most 64 Ki chars. */
    String peekFirstLine() throws IOException {
        while (limit < CHUNK && !eof) {
            if (!fill()) {
                break;
            }
            if (indexOfLineEnd() >= 0) {
                break;
            }
        }
        int end = indexOfLineEnd();
        return new String(buf, pos, (end < 0 ? limit : end) - pos);
    }

    private int indexOfLineEnd() {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** The line on which the last row returned begins. */
    long rowLine() {
        return rowLine;
    }

    /** Characters consumed so far, for progress. */
    long position() {
        return base + pos;
    }

    /** The cells of the next row, or {@code null} at the end of the input. */
    String[] next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endOfLine();
                continue;
            }
            String[] row = row();
            if (row != null) {
                return row;
            }
        }
    }

    private String[] row() throws IOException {
        mark = pos;
        rowLine = line;
        cells.clear();
        suspicious = false;
        while (true) {
            if (pos == limit && !fill()) {
                cells.add(""); // a delimiter at the very end of the input ends an empty last cell
                lastRowStart = mark;
                mark = -1;
                return cells.toArray(new String[0]);
            }
            boolean more = buf[pos] == '"' ? quotedCell() : plainCell();
            if (!more) {
                lastRowStart = mark;
                mark = -1;
                return cells.toArray(new String[0]);
            }
            if (mark < 0) {
                return null; // the row was broken and skipped
            }
        }
    }

    /** Reads an unquoted cell; returns whether another cell follows in this row. */
    private boolean plainCell() throws IOException {
        int start = pos;
        while (true) {
            if (pos == limit) {
                if (pos - mark > maxRow) {
                    // A line without end (a file of zeros, a sparse file) must not be buffered whole.
                    return tooLong();
                }
                int offset = pos - start;
                if (!fill()) {
                    cells.add(new String(buf, pos - offset, offset));
                    return false;
                }
                start = pos - offset;
            }
            char c = buf[pos];
            if (c == delimiter || c == '\n' || c == '\r') {
                if (pos - mark > maxRow) {
                    return tooLong();
                }
                cells.add(new String(buf, start, pos - start));
                if (c == delimiter) {
                    pos++;
                    return true;
                }
                endOfLine();
                return false;
            }
            pos++;
        }
    }

    private boolean tooLong() throws IOException {
        return broken("the row is longer than " + (maxRow >> 20) + " Mi characters");
    }

    /** Reads a quoted cell and what follows it up to the delimiter or line end. */
    private boolean quotedCell() throws IOException {
        quoted.clear();
        long startLine = line;
        pos++;
        while (true) {
            if (pos == limit && !fill()) {
                return broken("a quoted cell is not closed before the end of the file");
            }
            if (pos - mark > maxRow) {
                return broken("a quoted cell is not closed within " + (maxRow >> 20) + " Mi characters");
            }
            // Copy the run of ordinary characters at once; stop at a quote or a line break.
            int run = pos;
            while (run < limit && run - mark <= maxRow) {
                char r = buf[run];
                if (r == '"' || r == '\n' || r == '\r') {
                    break;
                }
                run++;
            }
            if (run > pos) {
                quoted.append(buf, pos, run - pos);
                pos = run;
                continue;
            }
            char c = buf[pos++];
            if (c == '"') {
                if (pos == limit && !fill()) {
                    cells.add(quoted.toString());
                    return false;
                }
                if (buf[pos] == '"') {
                    quoted.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (pos == limit && !fill() || buf[pos] != '\n'))) {
                line++;
            }
            quoted.append(c);
        }
        // After the closing quote: text up to the delimiter is kept (lenient, as spreadsheets are).
        while (true) {
            if (pos == limit && !fill()) {
                cells.add(quoted.toString());
                return false;
            }
            char c = buf[pos];
            if (c == delimiter) {
                cells.add(quoted.toString());
                pos++;
                return true;
            }
            if (c == '\n' || c == '\r') {
                cells.add(quoted.toString());
                endOfLine();
                return false;
            }
            quoted.append(c);
            suspicious |= line > startLine;
            pos++;
        }
    }

    /**
     * Whether the last row had a quoted cell that spanned lines and had text after its closing quote: the sign of a
     * quote opened by accident and closed by another cell's opening quote rows later.
     */
    boolean lastRowSuspicious() {
        return suspicious;
    }

    /** The line after the last row returned ends (its last line, for rows with multi-line cells, plus one). */
    long lineAfterRow() {
        return line;
    }

    /**
     * Gives up the row just returned, which spans lines but has the wrong number of cells (a quote opened and
     * closed by accident, many rows later), and reads on from the line after the one it began on. Only valid right
     * after {@link #next()} returned that row.
     */
    void retryAfterFirstLine() throws IOException {
        if (lastRowStart < 0) {
            throw new IllegalStateException("no row to retry");
        }
        pos = lastRowStart;
        line = rowLine;
        lastRowStart = -1;
        while (true) {
            if (pos == limit && !fill()) {
                return;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endOfLine();
                return;
            }
            pos++;
        }
    }

    /** Reports the row and starts again on the line after the one it began on. */
    private boolean broken(String message) throws IOException {
        problems.failed(rowLine, "row starting here cannot be read: " + message);
        pos = mark;
        line = rowLine;
        mark = -1;
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                endOfLine();
                break;
            }
            pos++;
        }
        return true;
    }

    private void endOfLine() throws IOException {
        char c = buf[pos++];
        line++;
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? mark : pos;
        lastRowStart = -1;
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
