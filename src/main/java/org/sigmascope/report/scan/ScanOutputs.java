package org.sigmascope.report.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sigmascope.report.DetectionWriter;
import org.sigmascope.report.export.HayabusaCsvWriter;
import org.sigmascope.report.export.TimelineCsvWriter;
import org.sigmascope.report.export.TimesketchJsonlWriter;
import org.sigmascope.report.pdf.PdfRenderer;

/**
 * The output formats of {@code scan}, and the choice of one by the output file's name when {@code -f} is not
 * given.
 */
public final class ScanOutputs {
    /** Every format {@code scan -f} accepts. */
    public static final List<String> FORMATS = List.of("table", "csv", "jsonl", "html", "pdf", "hayabusa",
            "timeline", "timesketch");

    private ScanOutputs() {
    }

    /** The format an output file's extension implies ({@code .html} → html …), or {@code table}. */
    public static String forFile(Path output) {
        if (output == null || output.getFileName() == null) {
            return "table";
        }
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        }
        if (name.endsWith(".pdf")) {
            return "pdf";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "jsonl";
        }
        return "table";
    }

    /** Whether the format writes bytes to the output file itself (so no text writer must be opened on it). */
    public static boolean writesFileItself(String format) {
        return format.equals("pdf");
    }

    /** Why the format cannot be used with this output, or empty. */
    public static Optional<String> problem(String format, Path output) {
        if (!FORMATS.contains(format)) {
            return Optional.of("-f must be one of " + String.join(", ", FORMATS));
        }
        if (writesFileItself(format) && output == null) {
            return Optional.of("-f pdf needs an output file: -o FILE.pdf");
        }
        return Optional.empty();
    }

    /**
     * The output for a format. For {@code pdf} the browser is found first: when it is missing this fails before
     * any evidence is read, with a message that says what to install.
     */
    public static ScanOutput create(String format, Writer out, ScanContext context) throws IOException {
        return switch (format) {
            case "table", "csv", "jsonl" -> new DetectionStreamOutput(names -> DetectionWriter.create(format, out,
                    names));
            case "hayabusa" -> new DetectionStreamOutput(names -> new HayabusaCsvWriter(out, context.zone()));
            case "timeline" -> new EventStreamOutput(names -> new TimelineCsvWriter(out,
                    TimelineCsvWriter.DEFAULT_COLUMNS, context.zone(), names));
            case "timesketch" -> new EventStreamOutput(names -> new TimesketchJsonlWriter(out, names));
            case "html" -> new DocumentOutput(context, out, null);
            case "pdf" -> new DocumentOutput(context, out, PdfRenderer.find());
            default -> throw new IllegalArgumentException("unknown output format '" + format + "'");
        };
    }
}
