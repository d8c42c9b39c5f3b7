package org.sigmascope.report.export;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Level;
import org.sigmascope.report.CsvCells;
import org.sigmascope.report.EventSummary;
import org.sigmascope.report.Times;

/**
 * A timeline view as CSV: one row per event, the columns the analyst chose. A column is one of the built-in
 * names ({@link #BUILT_IN}) or the exact name of an event field ({@code Image}, {@code CommandLine}). Formula
 * injection is neutralized.
 */
public final class TimelineCsvWriter implements EventWriter {
    /** Columns that are not event fields. */
    public static final List<String> BUILT_IN = List.of("timestamp", "computer", "channel", "provider", "event_id",
            "record_id", "level", "source", "details", "detections", "max_level");
    public static final List<String> DEFAULT_COLUMNS = List.of("timestamp", "computer", "channel", "event_id",
            "record_id", "detections", "max_level", "details", "source");

    private final Writer out;
    private final List<String> columns;
    private final ZoneId zone;
    private final IntFunction<String> sourceNames;

    public TimelineCsvWriter(Writer out, List<String> columns, ZoneId zone, IntFunction<String> sourceNames)
            throws IOException {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.zone = zone;
        this.sourceNames = sourceNames;
        out.write(CsvCells.row(this.columns.toArray(String[]::new)));
    }

    @Override
    public void write(Event event, List<Detection> detections) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(column, event, detections));
        }
        out.write(CsvCells.row(cells.toArray(String[]::new)));
    }

    private String cell(String column, Event e, List<Detection> detections) {
        return switch (column) {
            case "timestamp" -> Times.iso(e.timestamp(), zone);
            case "computer" -> e.computer();
            case "channel" -> e.channel();
            case "provider" -> e.provider();
            case "event_id" -> e.eventId() < 0 ? "" : Integer.toString(e.eventId());
            case "record_id" -> e.recordId() < 0 ? "" : Long.toString(e.recordId());
            case "level" -> e.level() < 0 ? "" : Integer.toString(e.level());
            case "source" -> sourceNames.apply(e.sourceId());
            case "details" -> EventSummary.details(e);
            case "detections" -> titles(detections);
            case "max_level" -> detections.stream().map(d -> d.rule().level()).max(Level::compareTo)
                    .map(Level::sigmaName).orElse("");
            default -> {
                String text = Fields.textOf(e.fields().get(column));
                yield text == null ? "" : text;
            }
        };
    }

    private static String titles(List<Detection> detections) {
        Set<String> titles = new TreeSet<>();
        detections.forEach(d -> titles.add(d.rule().title()));
        return String.join("; ", titles);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
