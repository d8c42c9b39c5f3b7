package org.sigmascope.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.report.export.EventWriter;
import org.sigmascope.report.export.HayabusaCsvWriter;
import org.sigmascope.report.export.TimelineCsvWriter;
import org.sigmascope.report.export.TimesketchJsonlWriter;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.pdf.PdfRenderer;

/**
 * Exports a filled {@link ReportData} in any format: the one entry point for {@code sigmascope report --case} and
 * the app's export dialog. Detection formats list the detections at or above the options' level threshold in
 * {@link DetectionOrder}, so the same data gives the same bytes. Event formats (timeline CSV, Timesketch) stream
 * events that the caller reads from the case, each with its detections.
 */
public final class ReportExporter {
    /** What can be exported from report data. */
    public enum Format {
        HTML, PDF, CSV, JSONL, HAYABUSA;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> parse(String name) {
            for (Format format : values()) {
                if (format.id().equalsIgnoreCase(name.trim())) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    private ReportExporter() {
    }

    /**
     * Writes the export to a file (parent folders made), whole or not at all ({@link OutputFiles}); a PDF needs
     * Chromium, and says so when it is missing.
     */
    public static void export(ReportData data, ReportOptions options, Format format, Path output) throws IOException {
        Path partial = OutputFiles.partial(output);
        try {
            if (format == Format.PDF) {
                PdfRenderer renderer = PdfRenderer.find();
                Path html = Files.createTempFile("sigmascope-report-", ".html");
                try {
                    Files.writeString(html, HtmlReportWriter.render(data, options));
                    renderer.render(html, partial);
                } finally {
                    Files.deleteIfExists(html);
                }
            } else {
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    write(data, options, format, out);
                }
            }
            OutputFiles.commit(partial, output);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes a text format ({@code html}, {@code csv}, {@code jsonl}, {@code hayabusa}). */
    public static void write(ReportData data, ReportOptions options, Format format, Writer out) throws IOException {
        if (format == Format.HTML) {
            HtmlReportWriter.write(data, options, out);
            return;
        }
        IntFunction<String> names = data::sourceName;
        DetectionWriter writer = switch (format) {
            case CSV -> new DetectionCsvWriter(out, names);
            case JSONL -> new DetectionJsonlWriter(out, names);
            case HAYABUSA -> new HayabusaCsvWriter(out, options.zone());
            default -> throw new IllegalArgumentException(format + " is not a text format");
        };
        try (writer) {
            for (Detection detection : detections(data, options)) {
                writer.write(detection);
            }
        }
    }

    /** The detections an export lists: at or above the threshold, in the one order. */
    public static List<Detection> detections(ReportData data, ReportOptions options) {
        return data.detections().stream().filter(d -> d.rule().level().atLeast(options.minLevel()))
                .sorted(DetectionOrder.CHRONOLOGICAL).toList();
    }

    /**
     * Writes events (in the order given: the timeline's order) with the detections on each.
     *
     * @return events left out (Timesketch needs a time; events without one are counted here)
     */
    public static long writeEvents(Iterable<Event> events, Function<Event, List<Detection>> detectionsOf,
                                   EventWriter writer) throws IOException {
        try (writer) {
            for (Event event : events) {
                writer.write(event, detectionsOf.apply(event));
            }
        }
        return writer instanceof TimesketchJsonlWriter timesketch ? timesketch.skipped() : 0;
    }

    /** A timeline CSV writer with the chosen columns ({@link TimelineCsvWriter#BUILT_IN} or field names). */
    public static EventWriter timelineCsv(Writer out, List<String> columns, ReportOptions options,
                                          IntFunction<String> sourceNames) throws IOException {
        return new TimelineCsvWriter(out, columns, options.zone(), sourceNames);
    }

    public static EventWriter timesketch(Writer out, IntFunction<String> sourceNames) throws IOException {
        return new TimesketchJsonlWriter(out, sourceNames);
    }
}
