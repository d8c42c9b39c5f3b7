package org.sigmascope.ingest.json;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * Any other JSON object: kept whole under dotted names ({@code userIdentity.arn}), as Sigma names fields of
 * JSON logs, so rules for non-Windows logs still apply; the time from the usual keys when one holds an ISO time.
 * Nothing is dropped, and the source's warnings say how many records were of no known event shape.
 */
final class GenericJsonShape implements JsonShape {
    private static final List<String> TIMES = List.of("@timestamp", "timestamp", "time", "datetime", "eventTime",
            "date");

    @Override
    public String name() {
        return "generic JSON";
    }

    @Override
    public boolean matches(JsonObject root) {
        return true;
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(root.size() + 4);
        Dotted.flatten("", root, fields);
        Instant time = null;
        for (String key : TIMES) {
            int index = root.indexOfIgnoreCase(key);
            if (index >= 0 && root.value(index) instanceof String text) {
                EventTimes.Parsed parsed = EventTimes.parseIso(text, context.localZone());
                if (parsed != null) {
                    time = parsed.instant();
                    context.timesFrom(root.key(index), !parsed.zoned());
                    break;
                }
            }
        }
        context.note("generic-json", "JSON objects of no known event shape (no Event.System, winlog, EventID …) "
                + "were read as generic JSON, fields under their dotted paths");
        events.accept(context.event(fields.build(), time));
    }
}
