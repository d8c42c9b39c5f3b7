package org.sigmascope.ingest.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.Levels;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SysmonMessage;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Event Viewer's "Save All Events As… CSV": {@code Level, Date and Time, Source, Event ID, Task Category} (in the
 * language of the Windows that saved it), and the event's rendered message as a sixth cell without a header.
 * This is a message-only export: no EventData names, no computer, no channel, no record id, and local times in the
 * saving machine's regional format. The channel is inferred from the provider where it is unambiguous; Sysmon
 * messages list their fields by name and are turned back into fields; everything else is in {@code Message}.
 */
final class EventViewerDialect implements CsvDialect {
    /**
     * The header in the languages Event Viewer writes: level, date and time, source, event id, task category. The
     * Security log shows its keywords (Audit Success) where other logs show the level, and so does its export.
     */
    private static final List<List<String>> HEADERS = List.of(
            List.of("Level", "Date and Time", "Source", "Event ID", "Task Category", "Keywords"),
            List.of("Ebene", "Datum und Uhrzeit", "Quelle", "Ereignis-ID", "Aufgabenkategorie", "Schlüsselwörter"),
            List.of("Niveau", "Date et heure", "Source", "ID de l'événement", "Catégorie de la tâche", "Mots-clés"),
            List.of("Nivel", "Fecha y hora", "Origen", "Id. del evento", "Categoría de la tarea", "Palabras clave"));

    @Override
    public String name() {
        return "Event Viewer CSV";
    }

    @Override
    public boolean matches(CsvHeader header) {
        return language(header) != null;
    }

    @Override
    public boolean extraCellsExpected() {
        return true;
    }

    private static List<String> language(CsvHeader header) {
        for (List<String> names : HEADERS) {
            boolean first = header.index(names.get(0)) == 0 || header.index(names.get(5)) == 0;
            if (first && header.hasAll(names.subList(1, 5).toArray(new String[0]))) {
                return names;
            }
        }
        return null;
    }

    @Override
    public RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context) {
        List<String> names = language(header);
        int level = header.index(names.get(0));
        int keywords = header.index(names.get(5));
        int time = header.index(names.get(1));
        int source = header.index(names.get(2));
        int eventId = header.index(names.get(3));
        int task = header.index(names.get(4));
        int message = header.size();
        TimeColumn times = TimeColumn.of(header.name(time), column(sample, time), options, context);
        return (row, ctx, events) -> {
            Fields.Builder fields = Fields.builder(24);
            Instant instant = times.parse(CsvHeader.cell(row, time), ctx);
            if (instant != null) {
                fields.put(SystemFields.TIME_CREATED, Timestamps.format(instant));
            }
            String id = CsvHeader.cell(row, eventId);
            put(fields, SystemFields.EVENT_ID, SystemFields.normalize(SystemFields.EVENT_ID, id));
            String levelText = CsvHeader.cell(row, level);
            put(fields, SystemFields.LEVEL, Levels.parse(levelText));
            put(fields, SystemFields.KEYWORDS, CsvHeader.cell(row, keywords));
            String provider = CsvHeader.cell(row, source);
            put(fields, SystemFields.PROVIDER_NAME, provider);
            String channel = Channels.forProvider(provider);
            put(fields, SystemFields.CHANNEL, channel);
            put(fields, "TaskCategory", CsvHeader.cell(row, task));
            String text = CsvHeader.cell(row, message);
            put(fields, SystemFields.MESSAGE, text);
            if (SysmonMessage.isSysmon(channel, provider) && SysmonMessage.complete(fields, text)) {
                ctx.note("viewer-sysmon", "Event Viewer CSV: Sysmon fields were read from the messages, which list "
                        + "them by name");
                ctx.timeCheck().observe(instant, fields.get("UtcTime"));
            }
            if (channel != null) {
                ctx.note("viewer-channel", "Event Viewer CSV has no channel: it was inferred from the provider");
            }
            if (Levels.isAmbiguous(levelText)) {
                ctx.note("level-info", "Event Viewer writes Level as a word; '" + levelText.strip() + "' was read as 4,"
                        + " though it also stands for 0 (LogAlways, the level of most Security events)");
            }
            ctx.note("viewer", "Event Viewer CSV is a message-only export: no EventData field names (except from "
                    + "Sysmon messages), no Computer, no record id; rules on EventData fields cannot match");
            events.accept(ctx.event(fields.build(), instant));
        };
    }

    private static void put(Fields.Builder fields, String name, Object value) {
        if (value != null && !"".equals(value)) {
            fields.put(name, value);
        }
    }

    static List<String> column(List<String[]> rows, int index) {
        List<String> values = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            values.add(CsvHeader.cell(row, index));
        }
        return values;
    }
}
