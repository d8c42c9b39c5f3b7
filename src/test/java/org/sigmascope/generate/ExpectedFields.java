package org.sigmascope.generate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;
import org.sigmascope.generate.host.Ticks;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * What a reader must give for a generated event, in Sigma's field names (docs/evtx-checklist.md, "Flattening"),
 * compared after normalising the ways tools legitimately differ: GUID case and braces, hex padding and case,
 * timestamp digits, the case of booleans.
 */
final class ExpectedFields {
    private static final Pattern GUID = Pattern.compile("\\{?[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}}?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]+");

    private ExpectedFields() {
    }

    /** Field name → normalised text; {@code null} for fields that must be absent or null. */
    static Map<String, String> of(SimEvent event, long recordId) {
        EventSchema schema = event.schema();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Provider_Name", schema.provider().name());
        fields.put("Provider_Guid", normalize(schema.provider().guid().text()));
        if (schema.provider().classic()) {
            fields.put("Provider_EventSourceName", schema.provider().eventSourceName());
            fields.put("EventID_Qualifiers", Integer.toString(schema.qualifiers()));
        }
        fields.put("EventID", Integer.toString(schema.eventId()));
        fields.put("Version", Integer.toString(schema.version()));
        fields.put("Level", Integer.toString(schema.level()));
        fields.put("Task", Integer.toString(schema.task()));
        fields.put("Opcode", Integer.toString(schema.opcode()));
        fields.put("Keywords", normalize("0x" + Long.toHexString(schema.keywords())));
        fields.put("TimeCreated_SystemTime", normalize(Timestamps.format(Ticks.instant(event.filetime()))));
        fields.put("EventRecordID", Long.toString(recordId));
        fields.put("Correlation_ActivityID", event.activityId() == null ? null : normalize(event.activityId().text()));
        fields.put("Execution_ProcessID", Long.toString(event.processId()));
        fields.put("Execution_ThreadID", Long.toString(event.threadId()));
        fields.put("Channel", schema.channel().channelName());
        fields.put("Computer", event.computer());
        fields.put("Security_UserID", event.userSid());
        for (int i = 0; i < schema.fieldCount(); i++) {
            Field field = schema.fields().get(i);
            Object value = event.values()[i];
            String text = field.type() == FieldType.BOOL ? value.toString() : ValueText.crate(field.type(), value);
            fields.put(field.name(), normalize(text));
        }
        return fields;
    }

    /** The value a reader gave, normalised the same way. */
    static String actual(Fields fields, String name) {
        return fields.contains(name) ? normalize(Fields.textOf(fields.get(name))) : null;
    }

    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("True") || text.equals("False")) {
            return text.toLowerCase(Locale.ROOT); // EvtxECmd writes .NET's Boolean.ToString()
        }
        if (GUID.matcher(text).matches()) {
            return text.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        }
        if (HEX.matcher(text).matches()) {
            return "0x" + Long.toHexString(Long.parseUnsignedLong(text.substring(2), 16));
        }
        Instant time = text.length() >= 19 && text.charAt(4) == '-' && text.charAt(10) == 'T'
                ? Timestamps.parseOrNull(text) : null;
        return time != null ? Timestamps.format(time) : text;
    }
}
