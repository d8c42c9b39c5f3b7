package org.sigmascope.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;

/** Writes detections one at a time as they are found, in one of the command line's formats. */
public interface DetectionWriter extends Closeable {

    void write(Detection detection) throws IOException;

    /**
     * @param format      {@code table}, {@code csv} or {@code jsonl}
     * @param sourceNames the display name of each source id, for the {@code source} column
     */
    static DetectionWriter create(String format, Writer out, IntFunction<String> sourceNames) throws IOException {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> new DetectionTableWriter(out, sourceNames);
            case "csv" -> new DetectionCsvWriter(out, sourceNames);
            case "jsonl" -> new DetectionJsonlWriter(out, sourceNames);
            default -> throw new IllegalArgumentException("unknown output format '" + format
                    + "' (table, csv or jsonl)");
        };
    }
}
