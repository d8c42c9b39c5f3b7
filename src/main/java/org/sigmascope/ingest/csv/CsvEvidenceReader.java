package org.sigmascope.ingest.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.ingest.text.TextInput;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.model.SourceStats;

/**
 * Reads CSV evidence, streaming: UTF-8 with or without a byte order mark, or UTF-16; comma, semicolon, tab or bar
 * delimited (sniffed from the header); quoted multi-line cells. The header picks the dialect (EvtxECmd, Hayabusa,
 * Plaso/Timesketch, Event Viewer, else generic), which reads columns by name, in any order. Events are located by
 * the line their row starts on.
 */
public final class CsvEvidenceReader implements EvidenceReader {
    /**
     * Rows larger than this are reported and skipped, so an unclosed quote or a line without end (a sparse file)
     * cannot fill memory: the buffer holding a row grows to twice this, in chars of two bytes. Windows caps an
     * event's data at 64 KB; the largest rows seen in exports (PowerShell script blocks) are far below.
     */
    static final int MAX_ROW_CHARS = 16 << 20;
    /** Rows read before mapping starts, to detect time formats. */
    private static final int SAMPLE_ROWS = 200;
    private static final long PROGRESS_EVERY = 1 << 20;

    private static final List<CsvDialect> DIALECTS = List.of(new EvtxECmdDialect(), new HayabusaCsvDialect(),
            new PlasoCsvDialect(), new EventViewerDialect(), new GenericCsvDialect());

    @Override
    public String format() {
        return "csv";
    }

    private record Row(long line, String[] cells) {
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) throws IOException {
        String file = request.source().displayName();
        StatsCollector stats = new StatsCollector(file);
        RecordContext context = new RecordContext(request.source().id(), file, request.options().localZone(), stats);
        long total = Files.size(request.source().path());
        try (Reader reader = TextInput.reader(new BufferedInputStream(Files.newInputStream(request.source().path()),
                1 << 16))) {
            CsvTokenizer tokenizer = new CsvTokenizer(reader, MAX_ROW_CHARS, stats::failedAtLine);
            tokenizer.delimiter(Delimiters.sniff(tokenizer.peekFirstLine()));
            String[] headerCells = tokenizer.next();
            if (headerCells == null) {
                stats.warningAtLine(1, "the CSV file is empty");
                return stats.snapshot();
            }
            CsvHeader header = new CsvHeader(headerCells);
            CsvDialect dialect = DIALECTS.stream().filter(d -> d.matches(header)).findFirst().orElseThrow();
            int expected = header.size() + (dialect.extraCellsExpected() ? 1 : 0);
            List<Row> sample = new ArrayList<>();
            String[] cells;
            while (sample.size() < SAMPLE_ROWS && (cells = nextRow(tokenizer, expected, stats)) != null) {
                sample.add(new Row(tokenizer.rowLine(), cells));
            }
            CsvDialect.RowMapper mapper = dialect.bind(header, sample.stream().map(Row::cells).toList(),
                    request.options().csv(), context);
            EventSink counted = event -> {
                stats.event();
                sink.accept(event);
            };
            for (Row row : sample) {
                map(row.line(), row.cells(), header, dialect, mapper, context, counted);
            }
            long nextProgress = PROGRESS_EVERY;
            while ((cells = nextRow(tokenizer, expected, stats)) != null) {
                map(tokenizer.rowLine(), cells, header, dialect, mapper, context, counted);
                if (tokenizer.position() >= nextProgress) {
                    request.cancellation().check();
                    request.progress().update(Math.min(tokenizer.position(), total), total, null);
                    nextProgress = tokenizer.position() + PROGRESS_EVERY;
                }
            }
        }
        context.finish();
        return stats.snapshot();
    }

    /**
     * The next row; a row that spans lines yet has another number of cells than the header gives, or text after a
     * closing quote, is a quote left open by accident and closed by a later one: it is reported, and reading goes
     * on from its second line.
     */
    private static String[] nextRow(CsvTokenizer tokenizer, int expected, StatsCollector stats) throws IOException {
        while (true) {
            String[] cells = tokenizer.next();
            if (cells == null || tokenizer.lineAfterRow() - tokenizer.rowLine() <= 1
                    || cells.length == expected && !tokenizer.lastRowSuspicious()) {
                return cells;
            }
            stats.failedAtLine(tokenizer.rowLine(), "row starting here spans " + (tokenizer.lineAfterRow()
                    - tokenizer.rowLine()) + " lines, " + (cells.length == expected ? "with text after a closing quote"
                    : "with " + cells.length + " cells where the header has " + expected) + ": a quote is not "
                    + "closed; the row is skipped and reading goes on from its next line");
            tokenizer.retryAfterFirstLine();
        }
    }

    private static void map(long line, String[] cells, CsvHeader header, CsvDialect dialect,
                            CsvDialect.RowMapper mapper, RecordContext context, EventSink sink) {
        context.atLine(line);
        if (cells.length > header.size() && !dialect.extraCellsExpected()) {
            context.note("extra-cells", "rows with more cells than the header has columns (" + header.size()
                    + "): the extra cells are " + (dialect instanceof GenericCsvDialect ? "kept as column_N"
                    : "left out by the " + dialect.name() + " reader"));
        }
        try {
            mapper.map(cells, context, sink::accept);
        } catch (RuntimeException e) {
            context.failed("the row could not be read as an event: " + e);
        }
    }
}
