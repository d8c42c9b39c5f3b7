package org.sigmascope.ingest.csv;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.sigmascope.ingest.winevent.RecordContext;

/**
 * The time column of a CSV file and how it is read: the format the analyst gave ({@code --csv-time-format} or the
 * mapping file), else the one detected from the first rows. An ambiguous detection is a warning that names the
 * choice made and the alternatives; zone-less formats are read in the local zone given, which is also noted.
 */
final class TimeColumn {
    private final String column;
    private final TimeFormat format;

    private TimeColumn(String column, TimeFormat format) {
        this.column = column;
        this.format = format;
    }

    static TimeColumn of(String column, List<String> sample, CsvOptions options, RecordContext context) {
        if (options.timeFormat() != null) {
            return new TimeColumn(column, TimeFormat.of(options.timeFormat()));
        }
        TimeFormats.Detection detection = TimeFormats.detect(sample);
        if (detection.format() == null) {
            context.note("no-time-format", "the times in column '" + column + "' are in no format the reader knows; "
                    + "give it with --csv-time-format");
        } else if (detection.ambiguous()) {
            context.note("ambiguous-time", "the times in column '" + column + "' could be read as "
                    + detection.format().spec() + " or " + detection.alternatives().stream().map(TimeFormat::spec)
                    .collect(Collectors.joining(" or ")) + "; they were read as " + detection.format().spec()
                    + " (set the right one with --csv-time-format)");
        }
        return new TimeColumn(column, detection.format());
    }

    /** The instant of a cell, or {@code null} (a cell that does not parse is noted). */
    Instant parse(String cell, RecordContext context) {
        if (format == null || cell == null || cell.isBlank()) {
            return null;
        }
        Instant instant = format.parse(cell, context.localZone());
        if (instant == null) {
            context.note("bad-time", "times that do not read as " + format.spec() + " in column '" + column
                    + "' (the events are kept, without a time)");
        } else if (format.zoneless(cell)) {
            context.timesFrom("column '" + column + "'", true);
        } else {
            context.timesFrom("column '" + column + "'", false);
        }
        return instant;
    }
}
