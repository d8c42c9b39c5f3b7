package org.sigmascope.generate.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.EventLogWriter;
import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;
import org.sigmascope.generate.host.Ticks;

/**
 * Writes events as EvtxECmd's CSV: its 27 columns in its order, a UTF-8 byte-order mark, CRLF line ends, times as
 * {@code 2024-03-11 08:00:01.1200000} (UTC), and the whole EventData (or UserData) as JSON in {@code Payload}.
 *
 * <p>Cells are written as EvtxECmd writes them, without formula neutralising: this is evidence for readers, not a
 * report for spreadsheets, and the generator's values are its own.
 */
public final class EvtxECmdCsvWriter implements EventLogWriter {
    static final String HEADER = "RecordNumber,EventRecordId,TimeCreated,EventId,Level,Provider,Channel,ProcessId,"
            + "ThreadId,Computer,ChunkNumber,UserId,MapDescription,UserName,RemoteHost,PayloadData1,PayloadData2,"
            + "PayloadData3,PayloadData4,PayloadData5,PayloadData6,ExecutableInfo,HiddenRecord,SourceFile,Keywords,"
            + "ExtraDataOffset,Payload";
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .toFormatter().withZone(ZoneOffset.UTC);
    private static final String[] LEVELS = {"LogAlways", "Critical", "Error", "Warning", "Info", "Verbose"};

    private final Writer out;
    private final String sourceFile;
    private final StringBuilder line = new StringBuilder(2048);
    private final java.io.StringWriter payload = new java.io.StringWriter(1024);
    private long count;

    /** @param sourceFile the EVTX file the rows claim to come from, as EvtxECmd's {@code SourceFile} shows it */
    public EvtxECmdCsvWriter(Path file, String sourceFile) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        this.sourceFile = sourceFile;
        out.write('\uFEFF');
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(SimEvent event, long recordId) throws IOException {
        EventSchema schema = event.schema();
        String[] summary = EvtxECmdColumns.of(event);
        line.setLength(0);
        cell(Long.toString(recordId));
        cell(Long.toString(recordId));
        cell(TIME.format(Ticks.instant(event.filetime())));
        cell(Integer.toString(schema.eventId()));
        cell(schema.level() < LEVELS.length ? LEVELS[schema.level()] : Integer.toString(schema.level()));
        cell(schema.provider().name());
        cell(schema.channel().channelName());
        cell(Long.toString(event.processId()));
        cell(Long.toString(event.threadId()));
        cell(event.computer());
        cell("0");
        cell(event.userSid() == null ? "" : event.userSid());
        cell(schema.description());
        for (String column : summary) {
            cell(column);
        }
        cell("False");
        cell(sourceFile);
        cell(schema.keywords() == 0x8020000000000000L ? "Audit success"
                : "0x" + Long.toHexString(schema.keywords()).toUpperCase(Locale.ROOT));
        cell("0");
        cell(payload(event));
        line.setLength(line.length() - 1);
        line.append("\r\n");
        out.append(line);
        count++;
    }

    /** {@code {"EventData":{"Data":[{"@Name":"X","#text":"v"},…]}}}, or the UserData element with its children. */
    private String payload(SimEvent event) throws IOException {
        payload.getBuffer().setLength(0);
        EventSchema schema = event.schema();
        try (JsonGenerator json = JsonCodec.MAPPER.getFactory().createGenerator(payload)) {
            json.writeStartObject();
            if (schema.userData() != null) {
                json.writeObjectFieldStart("UserData");
                json.writeObjectFieldStart(schema.userData());
                json.writeStringField("@xmlns", schema.userDataNs());
                for (int i = 0; i < schema.fieldCount(); i++) {
                    Field field = schema.fields().get(i);
                    json.writeStringField(field.name(), ValueText.evtxecmd(field.type(), event.values()[i]));
                }
                json.writeEndObject();
            } else {
                json.writeObjectFieldStart("EventData");
                json.writeArrayFieldStart("Data");
                for (int i = 0; i < schema.fieldCount(); i++) {
                    Field field = schema.fields().get(i);
                    String text = ValueText.evtxecmd(field.type(), event.values()[i]);
                    json.writeStartObject();
                    json.writeStringField("@Name", field.name());
                    if (!text.isEmpty()) {
                        json.writeStringField("#text", text);
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return payload.toString();
    }

    /** Appends a cell and its comma, quoted as CsvHelper quotes (separators, quotes, line breaks, edge spaces). */
    private void cell(String value) {
        boolean quote = !value.isEmpty() && (value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' ');
        if (quote) {
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
        line.append(',');
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
