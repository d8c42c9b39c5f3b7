package org.sigmascope.report;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;

/**
 * Detections as CSV, one per row, with the rule's author (attribution) and formula injection neutralized. A
 * correlation hit's row is its last event, with the hit ({@code type; group; events …}) in the last column.
 */
public final class DetectionCsvWriter implements DetectionWriter {
    static final String[] HEADER = {"timestamp", "level", "rule_title", "rule_id", "rule_author", "computer",
        "channel", "event_id", "record_id", "source", "matched", "correlation"};

    private final Writer out;
    private final IntFunction<String> sourceNames;

    public DetectionCsvWriter(Writer out, IntFunction<String> sourceNames) throws IOException {
        this.out = out;
        this.sourceNames = sourceNames;
        out.write(CsvCells.row(HEADER));
    }

    @Override
    public void write(Detection detection) throws IOException {
        Event event = detection.event();
        out.write(CsvCells.row(Timestamps.format(event.timestamp()), detection.rule().level().sigmaName(),
                detection.rule().title(), detection.rule().id(), detection.rule().author(), event.computer(),
                event.channel(), Integer.toString(event.eventId()), Long.toString(event.recordId()),
                sourceNames.apply(event.sourceId()), DetectionSummaries.matched(detection.match()),
                DetectionSummaries.correlation(detection.correlation())));
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
