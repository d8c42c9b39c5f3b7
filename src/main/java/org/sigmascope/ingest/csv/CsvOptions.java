package org.sigmascope.ingest.csv;

import java.nio.file.Path;

/**
 * What the analyst says about CSV evidence that the reader cannot settle alone (command line: {@code --csv-mapping},
 * {@code --csv-time-column}, {@code --csv-time-format}).
 *
 * @param mapping    a column mapping file for CSV of no known dialect, or {@code null} for the built-in names
 * @param timeColumn the column that holds the event's time, or {@code null} to detect it
 * @param timeFormat how that column writes times ({@link TimeFormat#of}), or {@code null} to detect it
 */
public record CsvOptions(Path mapping, String timeColumn, String timeFormat) {
    public static final CsvOptions DETECT = new CsvOptions(null, null, null);

    /** Throws {@link IllegalArgumentException}, saying why, when a time format cannot be used. */
    public static void checkTimeFormat(String format) {
        TimeFormat.of(format);
    }
}
