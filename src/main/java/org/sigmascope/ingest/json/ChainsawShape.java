package org.sigmascope.ingest.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * Chainsaw's hunt output: each detection carries the evtx-crate JSON of its event, which is flattened as
 * {@link EvtxJsonShape} does, with the titles of the rules that fired kept in {@code RuleTitle}.
 * <ul>
 * <li>1.x {@code hunt -j}: {@code {"detection": [titles], "event": {"Event": …}}};</li>
 * <li>2.x {@code hunt --json}: {@code {"name": title, "document": {"data": {"Event": …}}}}, or
 *     {@code "documents": [...]} for an aggregate detection (one event each).</li>
 * </ul>
 * Chainsaw's {@code search -j} writes the plain evtx-crate shape, read by {@link EvtxJsonShape}.
 */
final class ChainsawShape implements JsonShape {
    @Override
    public String name() {
        return "Chainsaw hunt output";
    }

    @Override
    public boolean matches(JsonObject root) {
        return root.has("detection") && root.object("event") != null
                || root.has("name") && (root.object("document") != null || root.get("documents") instanceof List);
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Object titles = root.has("detection") ? root.get("detection") : root.get("name");
        List<JsonObject> documents = new ArrayList<>();
        if (root.object("event") != null) {
            documents.add(root.object("event"));
        } else if (root.object("document") != null) {
            documents.add(root.object("document").object("data"));
        } else {
            for (Object document : (List<?>) root.get("documents")) {
                if (document instanceof JsonObject object) {
                    documents.add(object.object("data"));
                }
            }
        }
        context.note("chainsaw", "Chainsaw detections: the events are Chainsaw's evtx-crate JSON; the titles of the "
                + "rules Chainsaw reported are kept in RuleTitle");
        for (JsonObject document : documents) {
            JsonObject event = document == null ? null : document.object("Event");
            if (event == null || event.object("System") == null) {
                context.failed("a Chainsaw detection without an event log record (Event.System)");
                continue;
            }
            Fields.Builder fields = Fields.builder(48);
            Instant time = EvtxJsonShape.flatten(event, fields);
            fields.put(SystemFields.RULE_TITLE, JsonValues.toField(titles));
            events.accept(context.event(fields.build(), time));
        }
    }
}
