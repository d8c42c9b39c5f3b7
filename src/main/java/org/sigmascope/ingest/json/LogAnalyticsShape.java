package org.sigmascope.ingest.json;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.ElementFlattener;
import org.sigmascope.ingest.winevent.ElementNode;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.EventXml;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SysmonMessage;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Azure Log Analytics and Microsoft Sentinel exports of Windows events: the {@code WindowsEvent} table
 * ({@code EventData} a JSON object, often serialised as a string), the {@code Event} table ({@code EventData} XML
 * text, {@code EventLog} and {@code Source}), and {@code SecurityEvent} (EventData fields as columns).
 * {@code TimeGenerated} (UTC) is the event's time. Log Analytics keeps no Keywords, Version, Opcode, Execution or
 * Correlation, so those System fields are absent; the source's warnings say so.
 */
final class LogAnalyticsShape implements JsonShape {
    private static final Map<String, String> SYSTEM = Map.ofEntries(
            Map.entry("EventID", SystemFields.EVENT_ID), Map.entry("Channel", SystemFields.CHANNEL),
            Map.entry("EventLog", SystemFields.CHANNEL), Map.entry("Computer", SystemFields.COMPUTER),
            Map.entry("Provider", SystemFields.PROVIDER_NAME), Map.entry("Source", SystemFields.PROVIDER_NAME),
            Map.entry("EventSourceName", SystemFields.PROVIDER_NAME), Map.entry("EventLevel", SystemFields.LEVEL),
            Map.entry("Task", SystemFields.TASK), Map.entry("EventRecordId", SystemFields.RECORD_ID),
            Map.entry("EventRecordID", SystemFields.RECORD_ID), Map.entry("RenderedDescription", SystemFields.MESSAGE));

    @Override
    public String name() {
        return "Azure Log Analytics";
    }

    @Override
    public boolean matches(JsonObject root) {
        return root.has("TimeGenerated")
                && (root.has("TenantId") || root.has("Type") || root.has("_ResourceId") || root.has("SourceSystem"));
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(root.size() + 24);
        Instant time = EventTimes.instantOrNull(root.text("TimeGenerated"), ZoneOffset.UTC);
        if (time != null) {
            fields.put(SystemFields.TIME_CREATED, Timestamps.format(time));
            context.timesFrom("Log Analytics TimeGenerated", false);
        }
        for (int i = 0; i < root.size(); i++) {
            String key = root.key(i);
            String system = SYSTEM.get(key);
            if (system != null && !fields.contains(system)) {
                Object value = SystemFields.normalize(system, JsonValues.toField(root.value(i)));
                fields.put(system, system.equals(SystemFields.CHANNEL) && value instanceof String channel
                        ? Channels.canonical(channel) : value);
            }
        }
        Object eventData = root.get("EventData");
        putEventData(eventData, fields, context);
        for (int i = 0; i < root.size(); i++) {
            String key = root.key(i);
            if (!SYSTEM.containsKey(key) && !key.equals("EventData") && !key.equals("TimeGenerated")
                    && !fields.contains(key)) {
                fields.put(key, JsonValues.toField(root.value(i)));
            }
        }
        String channel = fields.get(SystemFields.CHANNEL) instanceof String c ? c : "";
        if (SysmonMessage.isSysmon(channel, String.valueOf(fields.get(SystemFields.PROVIDER_NAME)))) {
            context.timeCheck().observe(time, fields.get("UtcTime"));
        }
        context.note("log-analytics", "Azure Log Analytics export: no Keywords, Version, Opcode, Execution or "
                + "Correlation System fields (Log Analytics does not keep them)");
        events.accept(context.event(fields.build(), time));
    }

    private static void putEventData(Object eventData, Fields.Builder fields, RecordContext context) {
        if (eventData instanceof JsonObject object) {
            putObject(object, fields);
            return;
        }
        if (!(eventData instanceof String text) || text.isBlank()) {
            return;
        }
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                putObject(JsonTreeParser.parse(trimmed), fields);
            } else if (trimmed.startsWith("<")) {
                putXml(EventXml.parse(trimmed), fields);
            } else {
                fields.put("EventData", text);
            }
        } catch (IOException | EventXml.XmlException e) {
            fields.put("EventData", text);
            context.warning("EventData could not be read (" + e.getMessage() + "); it is kept as text");
        }
    }

    private static void putObject(JsonObject data, Fields.Builder fields) {
        for (int i = 0; i < data.size(); i++) {
            Object value = data.value(i);
            fields.put(data.key(i), value instanceof JsonObject ? JsonText.write(value) : JsonValues.toField(value));
        }
    }

    /** The Event table wraps the record's EventData or UserData in a {@code DataItem} element. */
    private static void putXml(ElementNode root, Fields.Builder fields) {
        ElementNode data = find(root, "EventData");
        if (data != null) {
            ElementFlattener.flattenEventData(data, fields);
            return;
        }
        ElementNode userData = find(root, "UserData");
        if (userData != null) {
            ElementFlattener.flattenUserData(userData, fields);
        }
    }

    private static ElementNode find(ElementNode node, String name) {
        if (node.name().equals(name)) {
            return node;
        }
        for (ElementNode child : node.children()) {
            ElementNode found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
