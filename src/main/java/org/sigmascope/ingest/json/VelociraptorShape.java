package org.sigmascope.ingest.json;

import java.math.BigInteger;
import java.time.Instant;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.KeywordsValue;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Velociraptor's {@code parse_evtx()} rows (the Windows.EventLogs.* artifacts, Velocidex/evtx): {@code System}
 * with XML attributes as plain keys ({@code Provider.Name}), {@code EventID.Value}, {@code TimeCreated.SystemTime}
 * as epoch seconds with a fraction, Keywords as an unsigned 64-bit number; {@code EventData} or {@code UserData};
 * the rendered {@code Message}. Mapped to the EVTX flattening: epoch seconds read exactly, Keywords to
 * hexadecimal, and Security fields that EVTX shows in hexadecimal (logon ids) turned back from decimal.
 */
final class VelociraptorShape implements JsonShape {
    @Override
    public String name() {
        return "Velociraptor parse_evtx";
    }

    @Override
    public boolean matches(JsonObject root) {
        JsonObject system = root.object("System");
        return system != null && (system.has("EventID") || system.has("Channel"));
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(48);
        Instant time = null;
        JsonObject system = root.object("System");
        for (int i = 0; i < system.size(); i++) {
            String key = system.key(i);
            Object value = system.value(i);
            if (key.equals("TimeCreated") && value instanceof JsonObject created) {
                time = epochSeconds(created.get("SystemTime"));
                fields.put(SystemFields.TIME_CREATED, time == null ? JsonValues.toField(created.get("SystemTime"))
                        : Timestamps.format(time));
            } else if (key.equals("EventID") && value instanceof JsonObject id) {
                fields.put(SystemFields.EVENT_ID, JsonValues.toField(id.get("Value")));
                if (id.has("Qualifiers")) {
                    fields.put(SystemFields.EVENT_ID_QUALIFIERS, JsonValues.toField(id.get("Qualifiers")));
                }
            } else if (key.equals("Keywords") && (value instanceof Long || value instanceof BigInteger)) {
                fields.put(SystemFields.KEYWORDS, KeywordsValue.hex((Number) value));
            } else if (value instanceof JsonObject element) {
                // XML attributes as plain keys: {"Execution": {"ProcessID": 4}} is Execution_ProcessID.
                if (element.size() == 0) {
                    fields.put(key, null);
                }
                for (int j = 0; j < element.size(); j++) {
                    String field = key + "_" + element.key(j);
                    fields.put(field, SystemFields.normalize(field, JsonValues.toField(element.value(j))));
                }
            } else {
                Object field = JsonValues.toField(value);
                fields.put(key, SystemFields.normalize(key, key.equals(SystemFields.CHANNEL)
                        && field instanceof String channel ? Channels.canonical(channel) : field));
            }
        }
        String channel = String.valueOf(fields.get(SystemFields.CHANNEL));
        NestedXml.putEventData(root.object("EventData"), channel, fields, context);
        JsonObject userData = root.object("UserData");
        if (userData != null) {
            for (int i = 0; i < userData.size(); i++) {
                if (userData.value(i) instanceof JsonObject inner) {
                    NestedXml.putEventData(inner, channel, fields, context);
                } else {
                    fields.put(userData.key(i), JsonValues.toField(userData.value(i)));
                }
            }
        }
        for (int i = 0; i < root.size(); i++) {
            String key = root.key(i);
            if (!key.equals("System") && !key.equals("EventData") && !key.equals("UserData")) {
                fields.put(key, JsonValues.toField(root.value(i)));
            }
        }
        context.note("velociraptor", "Velociraptor parse_evtx: numbers that EVTX shows in hexadecimal are decimal "
                + "in this export; known Security fields (logon and process ids) were turned back to 0x…, other "
                + "fields keep Velociraptor's decimal values");
        events.accept(context.event(fields.build(), time));
    }

    static Instant epochSeconds(Object value) {
        if (value instanceof JsonDecimal decimal) {
            return EventTimes.fromEpochSeconds(decimal.text());
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return EventTimes.fromEpochSeconds((Number) value);
        }
        if (value instanceof String text) {
            return EventTimes.instantOrNull(text, java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
