package org.sigmascope.ingest.csv;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.sigmascope.ingest.json.JsonObject;
import org.sigmascope.ingest.json.XmlAsJson;
import org.sigmascope.ingest.winevent.ElementFlattener;
import org.sigmascope.ingest.winevent.ElementNode;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.Levels;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * EvtxECmd's CSV (Eric Zimmerman): {@code RecordNumber, EventRecordId, TimeCreated, EventId, Level, Provider,
 * Channel, ProcessId, ThreadId, Computer, ChunkNumber, UserId, MapDescription, UserName, RemoteHost,
 * PayloadData1–6, ExecutableInfo, HiddenRecord, SourceFile, Keywords, ExtraDataOffset, Payload}.
 * {@code TimeCreated} is UTC ({@code 2019-02-13 18:01:41.5938305}). EventData comes from {@code Payload}, the
 * record's EventData or UserData as Json.NET renders XML, flattened like EVTX; without a Payload only EvtxECmd's
 * PayloadData strings remain, which the source's warnings say. EvtxECmd writes no Version, Task, Opcode,
 * Correlation or provider GUID, and Level as a word.
 */
final class EvtxECmdDialect implements CsvDialect {
    @Override
    public String name() {
        return "EvtxECmd CSV";
    }

    @Override
    public boolean matches(CsvHeader header) {
        return header.hasAll("EventRecordId", "TimeCreated", "EventId", "Provider", "Channel")
                && (header.index("Payload") >= 0 || header.index("PayloadData1") >= 0);
    }

    @Override
    public RowMapper bind(CsvHeader header, List<String[]> sample, CsvOptions options, RecordContext context)
            throws IOException {
        Columns columns = new Columns(header)
                .map(SystemFields.EVENT_ID, "EventId")
                .map(SystemFields.RECORD_ID, "EventRecordId")
                .map(SystemFields.CHANNEL, "Channel")
                .map(SystemFields.COMPUTER, "Computer")
                .map(SystemFields.USER_ID, "UserId")
                .map(SystemFields.PROVIDER_NAME, "Provider")
                .map(SystemFields.PROCESS_ID, "ProcessId")
                .map(SystemFields.THREAD_ID, "ThreadId")
                .map(SystemFields.KEYWORDS, "Keywords");
        int time = columns.take("TimeCreated");
        int level = columns.take("Level");
        int payload = columns.take("Payload");
        return (row, ctx, events) -> {
            Fields.Builder fields = Fields.builder(48);
            Instant instant = EventTimes.instantOrNull(CsvHeader.cell(row, time), ZoneOffset.UTC);
            if (instant != null) {
                fields.put(SystemFields.TIME_CREATED, Timestamps.format(instant));
            }
            columns.putSystem(row, fields);
            String levelText = CsvHeader.cell(row, level);
            Long levelNumber = Levels.parse(levelText);
            if (levelNumber != null) {
                fields.put(SystemFields.LEVEL, levelNumber);
            }
            if (Levels.isAmbiguous(levelText)) {
                ctx.note("level-info", "EvtxECmd writes Level as a word; '" + levelText.strip() + "' was read as 4, "
                        + "though it also stands for 0 (LogAlways, the level of most Security events)");
            }
            putPayload(CsvHeader.cell(row, payload), fields, ctx);
            columns.putRest(row, fields);
            ctx.note("evtxecmd", "EvtxECmd CSV: no Version, Task, Opcode, Correlation or provider GUID System fields "
                    + "(EvtxECmd does not write them)");
            events.accept(ctx.event(fields.build(), instant));
        };
    }

    private static void putPayload(String payload, Fields.Builder fields, RecordContext context) {
        if (payload == null || payload.isBlank()) {
            context.note("evtxecmd-no-payload", "EvtxECmd rows without a Payload: EventData field names are lost, "
                    + "the values are only in EvtxECmd's PayloadData1–6, ExecutableInfo and similar strings");
            return;
        }
        try {
            JsonObject document = XmlAsJson.read(payload);
            if (XmlAsJson.putNamedData(document, fields)) {
                return; // the usual payload, put without building its elements
            }
            for (ElementNode part : XmlAsJson.elements(document).children()) {
                switch (part.name()) {
                    case "EventData" -> ElementFlattener.flattenEventData(part, fields);
                    case "UserData" -> ElementFlattener.flattenUserData(part, fields);
                    default -> ElementFlattener.flattenElement("", part.name(), part, fields);
                }
            }
        } catch (IOException e) {
            fields.put("Payload", payload);
            context.warning("the Payload cell is not JSON (" + e.getMessage() + "); EventData is kept only as text "
                    + "and in PayloadData1–6");
        }
    }
}
