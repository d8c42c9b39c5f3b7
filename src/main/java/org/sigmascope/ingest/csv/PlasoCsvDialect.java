package org.sigmascope.ingest.csv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.sigmascope.ingest.winevent.ElementFlattener;
import org.sigmascope.ingest.winevent.ElementNode;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.EventXml;
import org.sigmascope.ingest.winevent.Numbers;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Plaso (psort) and Timesketch CSV of {@code windows:evtx:record} events: {@code datetime} (ISO, with offset),
 * {@code timestamp} (microseconds since 1970, UTC), {@code event_identifier}, {@code source_name},
 * {@code computer_name}, {@code record_number}, {@code strings} (a Python list), {@code message}, and — in most
 * exports — {@code xml_string}, the record's whole XML, which is flattened exactly as EVTX is. Without it only
 * the EventData values remain, as the unnamed list {@code Data}. Plaso writes one row per kind of time
 * ({@code timestamp_desc}: Creation Time, Content Modification Time), so one record may appear several times.
 */
final class PlasoCsvDialect implements CsvDialect {
    @Override
    public String name() {
        return "Plaso/Timesketch CSV";
    }

    @Override
    public boolean matches(CsvHeader header) {
        return header.index("datetime", "timestamp") >= 0
                && header.index("xml_string", "event_identifier") >= 0
                && header.index("data_type", "parser", "source_long", "timestamp_desc") >= 0;
    }

    @Override
    public RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context) {
        Columns columns = new Columns(header)
                .map(SystemFields.EVENT_ID, "event_identifier")
                .map(SystemFields.LEVEL, "event_level")
                .map(SystemFields.PROVIDER_NAME, "source_name")
                .map(SystemFields.COMPUTER, "computer_name")
                .map(SystemFields.RECORD_ID, "record_number")
                .map(SystemFields.USER_ID, "user_sid");
        int message = columns.take("message");
        int xml = columns.take("xml_string");
        int strings = columns.take("strings");
        int micros = header.index("timestamp");
        int datetime = header.index("datetime");
        return (row, ctx, events) -> {
            Fields.Builder fields = Fields.builder(48);
            Instant instant = null;
            String xmlText = CsvHeader.cell(row, xml);
            if (xmlText != null && !xmlText.isBlank()) {
                try {
                    ElementNode event = EventXml.parse(xmlText);
                    ElementFlattener.flattenEvent(event, fields);
                    instant = EventTimes.instantOrNull(String.valueOf(fields.get(SystemFields.TIME_CREATED)),
                            ZoneOffset.UTC);
                } catch (EventXml.XmlException e) {
                    ctx.warning("xml_string cannot be read (" + e.getMessage() + "); the row's other columns are kept");
                }
            }
            if (!fields.contains(SystemFields.EVENT_ID)) {
                columns.putSystem(row, fields);
                putStrings(CsvHeader.cell(row, strings), fields);
                ctx.note("plaso-no-xml", "Plaso/Timesketch rows without xml_string: EventData names are lost, "
                        + "its values are only in the list Data (from 'strings'); no Channel");
            }
            if (instant == null) {
                instant = rowTime(row, micros, datetime);
                if (instant != null) {
                    fields.put(SystemFields.TIME_CREATED, Timestamps.format(instant));
                }
            }
            String messageText = CsvHeader.cell(row, message);
            if (messageText != null) {
                fields.put(SystemFields.MESSAGE, messageText);
            }
            columns.putRest(row, fields);
            ctx.note("plaso", "Plaso/Timesketch CSV: one row per kind of time (timestamp_desc), so a record may appear "
                    + "more than once");
            events.accept(ctx.event(fields.build(), instant));
        };
    }

    private static void putStrings(String cell, Fields.Builder fields) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        List<String> values = PythonList.parse(cell);
        fields.put("Data", values != null ? values : cell);
    }

    private static Instant rowTime(String[] row, int micros, int datetime) {
        Long value = Numbers.parseLong(CsvHeader.cell(row, micros));
        if (value != null) {
            return EventTimes.fromEpochMicros(value);
        }
        return EventTimes.instantOrNull(CsvHeader.cell(row, datetime), ZoneOffset.UTC);
    }
}
