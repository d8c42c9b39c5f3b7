package org.sigmascope.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;
import org.sigmascope.report.CsvCells;
import org.sigmascope.report.TerminalText;
import org.sigmascope.store.timeline.TimelineRow;

/** Writes timeline rows for {@code sigmascope query}: an aligned table, CSV (formulas neutralized), or JSON Lines. */
abstract class QueryRowWriter implements AutoCloseable {
    private static final String TABLE = "%-9s  %-28s  %-18s  %6s  %-8s  %s%n";

    protected final Writer out;
    protected final Map<Integer, String> sources;

    private QueryRowWriter(Writer out, Map<Integer, String> sources) {
        this.out = out;
        this.sources = sources;
    }

    static QueryRowWriter create(String format, Writer out, Map<Integer, String> sources) throws IOException {
        return switch (format) {
            case "csv" -> new Csv(out, sources);
            case "jsonl" -> new Jsonl(out, sources);
            default -> new Table(out, sources);
        };
    }

    abstract void write(TimelineRow row) throws IOException;

    static String level(TimelineRow row) {
        return row.topLevel() == null ? "" : row.topLevel().sigmaName();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private static final class Table extends QueryRowWriter {
        Table(Writer out, Map<Integer, String> sources) throws IOException {
            super(out, sources);
            out.write(String.format(TABLE, "ID", "TIME (UTC)", "COMPUTER", "EVENT", "LEVEL", "CHANNEL"));
        }

        @Override
        void write(TimelineRow row) throws IOException {
            Event e = row.event();
            out.write(String.format(TABLE, e.id(), Timestamps.format(e.timestamp()), printable(e.computer()),
                    e.eventId() < 0 ? "" : Integer.toString(e.eventId()), level(row), printable(e.channel())));
        }

        /** Control characters in evidence must not drive the terminal. */
        private static String printable(String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(c -> b.appendCodePoint(TerminalText.unsafe(c) ? '?' : c));
            return b.toString();
        }
    }

    private static final class Csv extends QueryRowWriter {
        Csv(Writer out, Map<Integer, String> sources) throws IOException {
            super(out, sources);
            out.write(CsvCells.row("id", "timestamp", "computer", "channel", "provider", "event_id", "record_id",
                    "source", "level", "detections", "tags", "starred", "fields"));
        }

        @Override
        void write(TimelineRow row) throws IOException {
            Event e = row.event();
            out.write(CsvCells.row(Long.toString(e.id()), Timestamps.format(e.timestamp()), e.computer(), e.channel(),
                    e.provider(), e.eventId() < 0 ? "" : Integer.toString(e.eventId()),
                    e.recordId() < 0 ? "" : Long.toString(e.recordId()), sources.getOrDefault(e.sourceId(), ""),
                    level(row), Integer.toString(row.detections()), String.join(";", row.tags()),
                    Boolean.toString(row.starred()), JsonCodec.fieldsText(e.fields())));
        }
    }

    private static final class Jsonl extends QueryRowWriter {
        private final JsonGenerator generator;

        Jsonl(Writer out, Map<Integer, String> sources) throws IOException {
            super(out, sources);
            generator = JsonCodec.MAPPER.getFactory().createGenerator(out);
        }

        @Override
        void write(TimelineRow row) throws IOException {
            Event e = row.event();
            ObjectNode node = JsonCodec.MAPPER.createObjectNode();
            node.put("id", e.id());
            node.put("source", sources.getOrDefault(e.sourceId(), ""));
            node.put("record_id", e.recordId());
            node.put("timestamp", Timestamps.format(e.timestamp()));
            node.put("computer", e.computer());
            node.put("channel", e.channel());
            node.put("event_id", e.eventId());
            node.put("level", row.topLevel() == null ? null : row.topLevel().sigmaName());
            node.put("detections", row.detections());
            row.tags().forEach(node.withArray("tags")::add);
            node.put("starred", row.starred());
            node.set("fields", JsonCodec.fields(e.fields()));
            JsonCodec.writeLine(generator, node);
        }

        @Override
        public void close() throws IOException {
            generator.flush();
            super.close();
        }
    }
}
