package org.sigmascope.report.export;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.report.Channels;
import org.sigmascope.report.CsvCells;
import org.sigmascope.report.DetectionWriter;
import org.sigmascope.report.EventSummary;
import org.sigmascope.report.Times;

/**
 * Detections in the layout of Hayabusa's {@code csv-timeline} (its default {@code standard} profile, 3.x):
 * {@code Timestamp, RuleTitle, Level, Computer, Channel, EventID, RecordID, Details, ExtraFieldInfo, RuleID}, with
 * Hayabusa's conventions: times as {@code 2024-03-11 09:02:33.518 +00:00}, levels abbreviated ({@code crit},
 * {@code high}, {@code med}, {@code low}, {@code info}), common channels abbreviated ({@code Sec}, {@code Sysmon}),
 * and fields as {@code Name: value ¦ …}. So pipelines built on Hayabusa's output (Timeline Explorer layouts,
 * Takajō, spreadsheets) read ours. Formula injection is neutralized like every CSV we write.
 */
public final class HayabusaCsvWriter implements DetectionWriter {
    static final String[] HEADER = {"Timestamp", "RuleTitle", "Level", "Computer", "Channel", "EventID", "RecordID",
        "Details", "ExtraFieldInfo", "RuleID"};

    private final Writer out;
    private final ZoneId zone;

    public HayabusaCsvWriter(Writer out, ZoneId zone) throws IOException {
        this.out = out;
        this.zone = zone;
        out.write(CsvCells.row(HEADER));
    }

    @Override
    public void write(Detection detection) throws IOException {
        Event e = detection.event();
        boolean correlation = detection.correlation() != null;
        out.write(CsvCells.row(Times.millis(e.timestamp(), zone), detection.rule().title(),
                level(detection.rule().level()), e.computer(), Channels.abbreviate(e.channel()),
                correlation || e.eventId() < 0 ? "" : Integer.toString(e.eventId()),
                correlation || e.recordId() < 0 ? "" : Long.toString(e.recordId()),
                correlation ? correlationDetails(detection.correlation()) : EventSummary.details(e),
                correlation ? "" : EventSummary.extraFields(e), detection.rule().id()));
    }

    /** Hayabusa's level abbreviations. */
    static String level(Level level) {
        return switch (level) {
            case CRITICAL -> "crit";
            case HIGH -> "high";
            case MEDIUM -> "med";
            case LOW -> "low";
            case INFORMATIONAL -> "info";
        };
    }

    private static String correlationDetails(Detection.CorrelationHit hit) {
        StringBuilder details = new StringBuilder("Type: " + hit.type() + EventSummary.SEPARATOR + "Events: "
                + hit.eventIds().size());
        new java.util.TreeMap<>(hit.group()).forEach((k, v) -> details.append(EventSummary.SEPARATOR).append(k)
                .append(": ").append(v));
        return details.toString();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
