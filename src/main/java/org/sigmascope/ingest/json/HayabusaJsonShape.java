package org.sigmascope.ingest.json;

import java.time.Instant;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Hayabusa's {@code json-timeline} rows (JSON array or JSONL): one row per detection, not per event.
 * {@code Timestamp} carries its offset; {@code Channel} is abbreviated ({@code Sec}) and expanded back;
 * {@code Level} is the rule's level, kept as {@code RuleLevel}; {@code RecordID} is the record id. Hayabusa
 * writes only the fields its rule chose, under short names ({@code CmdLine}, {@code PID}) that differ from rule
 * to rule, so {@code Details} keys are kept as {@code Details.Key}; {@code AllFieldInfo} and
 * {@code ExtraFieldInfo} hold the original names and become fields as they are.
 */
final class HayabusaJsonShape implements JsonShape {
    @Override
    public String name() {
        return "Hayabusa timeline";
    }

    @Override
    public boolean matches(JsonObject root) {
        return root.has("RuleTitle") && root.has("Timestamp");
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(root.size() + 8);
        Instant time = null;
        for (int i = 0; i < root.size(); i++) {
            String key = root.key(i);
            Object value = root.value(i);
            switch (key) {
                case "Timestamp" -> {
                    EventTimes.Parsed parsed = EventTimes.parseIso(String.valueOf(value), context.localZone());
                    if (parsed != null) {
                        time = parsed.instant();
                        context.timesFrom("Hayabusa Timestamp", !parsed.zoned());
                        fields.put(SystemFields.TIME_CREATED, Timestamps.format(time));
                    }
                }
                case "Channel" -> fields.put(SystemFields.CHANNEL, Channels.fromHayabusa(JsonValues.scalarText(value)));
                case "EventID" -> fields.put(SystemFields.EVENT_ID,
                        SystemFields.normalize(SystemFields.EVENT_ID, JsonValues.toField(value)));
                case "RecordID" -> fields.put(SystemFields.RECORD_ID,
                        SystemFields.normalize(SystemFields.RECORD_ID, JsonValues.toField(value)));
                case "Computer" -> fields.put(SystemFields.COMPUTER, JsonValues.toField(value));
                case "Provider" -> fields.put(SystemFields.PROVIDER_NAME, JsonValues.toField(value));
                case "Level" -> fields.put("RuleLevel", JsonValues.toField(value));
                case "RuleTitle" -> fields.put(SystemFields.RULE_TITLE, JsonValues.toField(value));
                case "Details" -> putDetails(value, fields);
                case "AllFieldInfo", "ExtraFieldInfo" -> putOriginal(key, value, fields);
                default -> fields.put(key, JsonValues.toField(value));
            }
        }
        context.note("hayabusa", "Hayabusa timeline: one row per detection, holding only the fields Hayabusa chose "
                + "(abbreviated, under Details.*), not the whole event; Level is the rule's level (RuleLevel)");
        events.accept(context.event(fields.build(), time));
    }

    private static void putDetails(Object value, Fields.Builder fields) {
        if (value instanceof JsonObject details) {
            Dotted.flatten("Details.", details, fields);
        } else {
            fields.put("Details", JsonValues.toField(value));
        }
    }

    private static void putOriginal(String key, Object value, Fields.Builder fields) {
        if (value instanceof JsonObject info) {
            for (int i = 0; i < info.size(); i++) {
                fields.put(info.key(i), JsonValues.toField(info.value(i)));
            }
        } else {
            fields.put(key, JsonValues.toField(value));
        }
    }
}
