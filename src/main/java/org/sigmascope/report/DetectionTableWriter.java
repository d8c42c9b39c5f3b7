package org.sigmascope.report;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;

/** Detections as aligned text for a terminal, one per line; control characters in evidence are made visible. */
public final class DetectionTableWriter implements DetectionWriter {
    private static final String FORMAT = "%-28s  %-13s  %-18s  %6s  %s%n";

    private final Writer out;
    private final IntFunction<String> sourceNames;

    public DetectionTableWriter(Writer out, IntFunction<String> sourceNames) throws IOException {
        this.out = out;
        this.sourceNames = sourceNames;
        out.write(String.format(FORMAT, "TIME (UTC)", "LEVEL", "COMPUTER", "EVENT", "RULE  [SOURCE]"));
    }

    @Override
    public void write(Detection detection) throws IOException {
        Event event = detection.event();
        out.write(String.format(FORMAT, Timestamps.format(event.timestamp()), detection.rule().level().sigmaName(),
                printable(event.computer()), event.eventId(),
                printable(detection.rule().title()) + correlation(detection) + "  ["
                        + printable(sourceNames.apply(event.sourceId())) + "]"));
    }

    /** For a correlation hit: {@code  (correlation of 5 events: Computer=WS01)}. */
    private static String correlation(Detection detection) {
        Detection.CorrelationHit hit = detection.correlation();
        if (hit == null) {
            return "";
        }
        StringBuilder group = new StringBuilder();
        hit.group().forEach((field, value) -> group.append(group.length() == 0 ? ": " : ", ").append(field)
                .append('=').append(printable(value)));
        return "  (correlation of " + hit.eventIds().size() + " events" + group + ")";
    }

    /** Evidence is attacker-controlled: escape sequences must not reach the analyst's terminal. */
    static String printable(String text) {
        return TerminalText.printable(text);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
