package org.sigmascope.generate.jsonl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.EventLogWriter;
import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.Provider;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;
import org.sigmascope.generate.host.Ticks;

/**
 * Writes events as the Rust evtx crate's {@code evtx_dump -o jsonl} does: one {@code {"Event": …}} object per
 * line, XML attributes under {@code #attributes}, numbers as JSON numbers, hex and GUIDs as the crate renders
 * them. {@link org.sigmascope.ingest.json.JsonEvidenceReader} reads it.
 */
public final class EvtxJsonlWriter implements EventLogWriter {
    private static final String EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";
    /** The crate prints SystemTime with microseconds. */
    private static final DateTimeFormatter SYSTEM_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private final JsonGenerator json;
    private long count;

    public EvtxJsonlWriter(Path file) throws IOException {
        this.json = JsonCodec.MAPPER.getFactory().createGenerator(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16));
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(SimEvent event, long recordId) throws IOException {
        EventSchema schema = event.schema();
        json.writeStartObject();
        json.writeObjectFieldStart("Event");
        json.writeObjectFieldStart("#attributes");
        json.writeStringField("xmlns", EVENT_NS);
        json.writeEndObject();
        system(event, recordId);
        if (schema.userData() != null) {
            json.writeObjectFieldStart("UserData");
            json.writeObjectFieldStart(schema.userData());
            json.writeObjectFieldStart("#attributes");
            json.writeStringField("xmlns", schema.userDataNs());
            json.writeEndObject();
            data(event);
            json.writeEndObject();
            json.writeEndObject();
        } else {
            json.writeObjectFieldStart("EventData");
            data(event);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        count++;
    }

    private void system(SimEvent event, long recordId) throws IOException {
        EventSchema schema = event.schema();
        Provider provider = schema.provider();
        json.writeObjectFieldStart("System");
        json.writeObjectFieldStart("Provider");
        json.writeObjectFieldStart("#attributes");
        json.writeStringField("Name", provider.name());
        json.writeStringField("Guid", provider.classic()
                ? provider.guid().braced().toLowerCase(java.util.Locale.ROOT) : provider.guid().text());
        if (provider.classic()) {
            json.writeStringField("EventSourceName", provider.eventSourceName());
        }
        json.writeEndObject();
        json.writeEndObject();
        if (schema.qualifiers() >= 0) {
            json.writeObjectFieldStart("EventID");
            json.writeObjectFieldStart("#attributes");
            json.writeNumberField("Qualifiers", schema.qualifiers());
            json.writeEndObject();
            json.writeNumberField("#text", schema.eventId());
            json.writeEndObject();
        } else {
            json.writeNumberField("EventID", schema.eventId());
        }
        json.writeNumberField("Version", schema.version());
        json.writeNumberField("Level", schema.level());
        json.writeNumberField("Task", schema.task());
        json.writeNumberField("Opcode", schema.opcode());
        json.writeStringField("Keywords", "0x" + Long.toHexString(schema.keywords()));
        json.writeObjectFieldStart("TimeCreated");
        json.writeObjectFieldStart("#attributes");
        json.writeStringField("SystemTime", SYSTEM_TIME.format(Ticks.instant(event.filetime())));
        json.writeEndObject();
        json.writeEndObject();
        json.writeNumberField("EventRecordID", recordId);
        if (event.activityId() == null) {
            json.writeNullField("Correlation");
        } else {
            json.writeObjectFieldStart("Correlation");
            json.writeObjectFieldStart("#attributes");
            json.writeStringField("ActivityID", event.activityId().text());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeObjectFieldStart("Execution");
        json.writeObjectFieldStart("#attributes");
        json.writeNumberField("ProcessID", event.processId());
        json.writeNumberField("ThreadID", event.threadId());
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("Channel", schema.channel().channelName());
        json.writeStringField("Computer", event.computer());
        if (event.userSid() == null) {
            json.writeNullField("Security");
        } else {
            json.writeObjectFieldStart("Security");
            json.writeObjectFieldStart("#attributes");
            json.writeStringField("UserID", event.userSid());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void data(SimEvent event) throws IOException {
        Object[] values = event.values();
        for (int i = 0; i < values.length; i++) {
            Field field = event.schema().fields().get(i);
            Object value = values[i];
            FieldType type = field.type();
            if (value == null) {
                json.writeNullField(field.name());
            } else if (type.isNumber()) {
                json.writeNumberField(field.name(), (Long) value);
            } else if (type == FieldType.BOOL) {
                json.writeBooleanField(field.name(), (Boolean) value);
            } else {
                json.writeStringField(field.name(), ValueText.crate(type, value));
            }
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
