package org.sigmascope.ingest.csv;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Any other CSV with a header: each column becomes a field, named by the analyst's mapping file, else by the
 * built-in names of System fields ({@code Event ID} is EventID, {@code Hostname} is Computer), else by its header.
 * The time column is the one given, else the one the header and the first rows show to hold times; its format is
 * the one given, else detected. Ambiguity (two time columns, day or month first) is a warning naming the choice.
 */
final class GenericCsvDialect implements CsvDialect {
    private static final List<String> TIME_NAMES = List.of("TimeCreated_SystemTime", "TimeCreated", "SystemTime",
            "Timestamp", "@timestamp", "DateTime", "Date and Time", "EventTime", "TimeGenerated", "Time", "Date",
            "UtcTime");

    @Override
    public String name() {
        return "CSV";
    }

    @Override
    public boolean matches(CsvHeader header) {
        return true;
    }

    @Override
    public RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context)
            throws IOException {
        CsvMapping mapping = options.mapping() == null ? CsvMapping.builtIn() : CsvMapping.load(options.mapping());
        String[] fieldNames = new String[header.size()];
        for (int i = 0; i < fieldNames.length; i++) {
            fieldNames[i] = mapping.fieldFor(header.name(i));
        }
        int time = timeColumn(header, sample, options, mapping, context);
        CsvOptions timeOptions = new CsvOptions(null, null,
                options.timeFormat() != null ? options.timeFormat() : mapping.timeFormat());
        TimeColumn times = time < 0 ? null
                : TimeColumn.of(header.name(time), EventViewerDialect.column(sample, time), timeOptions, context);
        context.note("generic-csv", "CSV of no known export: columns read as fields by name"
                + (options.mapping() != null ? " with the mapping " + options.mapping().getFileName() : "")
                + (time >= 0 ? "; the time from column '" + header.name(time) + "'" : "; no time column"));
        return (row, ctx, events) -> {
            Fields.Builder fields = Fields.builder(row.length + 2);
            Instant instant = times == null ? null : times.parse(CsvHeader.cell(row, time), ctx);
            if (instant != null) {
                fields.put(SystemFields.TIME_CREATED, Timestamps.format(instant));
            }
            for (int i = 0; i < row.length; i++) {
                String name = i < fieldNames.length ? fieldNames[i] : "column_" + (i + 1);
                String value = row[i];
                if (i == time && name.equals(SystemFields.TIME_CREATED)) {
                    continue;
                }
                if (SystemFields.isNumeric(name) || name.equals(SystemFields.CHANNEL)) {
                    if (value.isEmpty()) {
                        continue;
                    }
                    fields.put(name, name.equals(SystemFields.CHANNEL) ? Channels.canonical(value)
                            : SystemFields.normalize(name, value));
                } else {
                    fields.put(name, SystemFields.normalize(name, value));
                }
            }
            events.accept(ctx.event(fields.build(), instant));
        };
    }

    private static int timeColumn(CsvHeader header, List<String[]> sample, CsvOptions options, CsvMapping mapping,
                                  RecordContext context) throws IOException {
        String given = options.timeColumn() != null ? options.timeColumn() : mapping.timeColumn();
        if (given != null) {
            int index = header.index(given);
            if (index < 0) {
                throw new IOException("the CSV has no time column '" + given + "' (its columns: "
                        + String.join(", ", names(header)) + ")");
            }
            return index;
        }
        for (String name : TIME_NAMES) {
            int index = header.index(name);
            if (index >= 0 && TimeFormats.looksLikeTimes(EventViewerDialect.column(sample, index))) {
                return index;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String key = CsvHeader.key(header.name(i));
            if ((key.contains("time") || key.contains("date")) && !sample.isEmpty()
                    && TimeFormats.looksLikeTimes(EventViewerDialect.column(sample, i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            for (int i = 0; i < header.size(); i++) {
                List<String> values = EventViewerDialect.column(sample, i);
                if (!sample.isEmpty() && TimeFormats.detect(values).format() instanceof TimeFormat.Iso) {
                    candidates.add(i);
                }
            }
        }
        if (candidates.size() > 1) {
            context.note("ambiguous-time-column", "several columns hold times ("
                    + String.join(", ", candidates.stream().map(header::name).toList()) + "); the first was taken "
                    + "as the event's time (choose with --csv-time-column)");
        }
        return candidates.isEmpty() ? -1 : candidates.get(0);
    }

    private static List<String> names(CsvHeader header) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            names.add(header.name(i));
        }
        return names;
    }
}
