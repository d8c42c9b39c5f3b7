package org.sigmascope.ingest.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * The JSON that the Rust evtx crate writes ({@code evtx_dump -o json|jsonl}, and inside Chainsaw's output),
 * flattened exactly as docs/evtx-checklist.md ("Flattening") flattens EVTX records, so that an {@code .evtx} file
 * and its {@code .json} export give the same fields:
 * <ul>
 * <li>{@code Event.System} children by element name; XML attributes as {@code Element_Attribute}
 *     ({@code Provider_Name}, {@code TimeCreated_SystemTime}, {@code EventID_Qualifiers}); an empty element
 *     ({@code "Security": null}) is present with a {@code null} value;</li>
 * <li>{@code Event.EventData}: named entries by their name, unnamed {@code Data} values as the list
 *     {@code Data}, {@code Binary}; other elements ({@code ComplexData}) like System children;</li>
 * <li>{@code Event.UserData}: the children of its inner element by their names, that element's attributes as
 *     {@code Inner_Attribute};</li>
 * <li>deeper elements as {@code Parent_Child}; other children of Event ({@code RenderingInfo}) under their name.</li>
 * </ul>
 * XML attributes arrive under {@code "#attributes"} or, from serializers set to separate them (Chainsaw), as an
 * {@code X_attributes} sibling of element {@code X}; element text as {@code "#text"}. Namespace declarations are
 * dropped. The same rules for XML text are in {@link org.sigmascope.ingest.winevent.ElementFlattener}.
 */
final class EvtxJsonShape implements JsonShape {
    static final String ATTRIBUTES = "#attributes";
    static final String TEXT = "#text";
    private static final String SIBLING_ATTRIBUTES = "_attributes";

    @Override
    public String name() {
        return "evtx crate JSON";
    }

    @Override
    public boolean matches(JsonObject root) {
        JsonObject event = root.object("Event");
        return event != null && event.object("System") != null;
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(48);
        Instant time = flatten(root.object("Event"), fields);
        events.accept(context.event(fields.build(), time));
    }

    /** Flattens the {@code Event} object into the builder; returns the event's time, or {@code null}. */
    static Instant flatten(JsonObject event, Fields.Builder out) {
        for (int i = 0; i < event.size(); i++) {
            String key = event.key(i);
            Object value = event.value(i);
            if (key.equals(ATTRIBUTES)) {
                continue;
            }
            if (isSiblingAttributes(key, value)) {
                String element = elementOf(key);
                if (!element.equals("System") && !element.equals("UserData")) {
                    putAttributes(element, (JsonObject) value, out);
                }
                continue;
            }
            switch (key) {
                case "System" -> flattenSystem(value, out);
                case "EventData" -> flattenEventData(value, out);
                case "UserData" -> flattenUserData(value, out);
                default -> flattenElement("", key, value, out);
            }
        }
        Object time = out.get(SystemFields.TIME_CREATED);
        return time instanceof String text ? EventTimes.instantOrNull(text, ZoneOffset.UTC) : null;
    }

    private static void flattenSystem(Object value, Fields.Builder out) {
        if (!(value instanceof JsonObject system)) {
            return;
        }
        for (int i = 0; i < system.size(); i++) {
            String key = system.key(i);
            Object child = system.value(i);
            if (isSiblingAttributes(key, child)) {
                putAttributes(elementOf(key), (JsonObject) child, out);
            } else if (child instanceof JsonObject element) {
                JsonObject attributes = element.object(ATTRIBUTES);
                if (attributes != null) {
                    putAttributes(key, attributes, out);
                }
                if (element.has(TEXT)) {
                    out.put(key, SystemFields.normalize(key, JsonValues.toField(element.get(TEXT))));
                } else if (attributes == null && element.size() == 0) {
                    out.put(key, null);
                }
                putChildren(JoinedNames.of(key, "_"), element, out);
            } else if (!key.equals(ATTRIBUTES)) {
                out.put(key, SystemFields.normalize(key, JsonValues.toField(child)));
            }
        }
    }

    private static void flattenEventData(Object value, Fields.Builder out) {
        if (!(value instanceof JsonObject data)) {
            // An empty EventData element (the crate writes null) holds no field, as in the EVTX flattening.
            if (value != null) {
                out.put("EventData", JsonValues.toField(value));
            }
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            String key = data.key(i);
            Object child = data.value(i);
            if (key.equals(ATTRIBUTES) && child instanceof JsonObject attributes) {
                putAttributes("EventData", attributes, out);
            } else if (isSiblingAttributes(key, child)) {
                putAttributes(elementOf(key), (JsonObject) child, out);
            } else if (key.equals("Data") && child instanceof JsonObject unnamed && unnamed.has(TEXT)) {
                out.put("Data", JsonValues.toField(unnamed.get(TEXT)));
            } else {
                flattenElement("", key, child, out);
            }
        }
    }

    private static void flattenUserData(Object value, Fields.Builder out) {
        if (!(value instanceof JsonObject userData)) {
            out.put("UserData", JsonValues.toField(value));
            return;
        }
        for (int i = 0; i < userData.size(); i++) {
            String key = userData.key(i);
            Object child = userData.value(i);
            if (key.equals(ATTRIBUTES)) {
                continue;
            }
            if (isSiblingAttributes(key, child)) {
                putAttributes(elementOf(key), (JsonObject) child, out);
            } else if (child instanceof JsonObject inner) {
                JsonObject attributes = inner.object(ATTRIBUTES);
                if (attributes != null) {
                    putAttributes(key, attributes, out);
                }
                if (inner.has(TEXT)) {
                    out.put(key, JsonValues.toField(inner.get(TEXT)));
                }
                putChildren("", inner, out);
            } else {
                out.put(key, JsonValues.toField(child));
            }
        }
    }

    /** An element at any depth: text under its name, attributes and children under {@code name_}. */
    private static void flattenElement(String prefix, String key, Object value, Fields.Builder out) {
        String name = JoinedNames.of(prefix, key);
        if (!(value instanceof JsonObject element)) {
            out.put(name, JsonValues.toField(value));
            return;
        }
        JsonObject attributes = element.object(ATTRIBUTES);
        if (attributes != null) {
            putAttributes(name, attributes, out);
        }
        if (element.has(TEXT)) {
            out.put(name, JsonValues.toField(element.get(TEXT)));
        } else if (attributes == null && element.size() == 0) {
            out.put(name, null);
        }
        putChildren(JoinedNames.of(name, "_"), element, out);
    }

    /** The child elements of {@code element}, named {@code childPrefix + name}. */
    private static void putChildren(String childPrefix, JsonObject element, Fields.Builder out) {
        for (int i = 0; i < element.size(); i++) {
            String key = element.key(i);
            Object child = element.value(i);
            if (key.equals(ATTRIBUTES) || key.equals(TEXT)) {
                continue;
            }
            if (isSiblingAttributes(key, child)) {
                putAttributes(JoinedNames.of(childPrefix, elementOf(key)), (JsonObject) child, out);
            } else {
                flattenElement(childPrefix, key, child, out);
            }
        }
    }

    private static void putAttributes(String element, JsonObject attributes, Fields.Builder out) {
        String prefix = JoinedNames.of(element, "_");
        for (int i = 0; i < attributes.size(); i++) {
            String name = attributes.key(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            String field = JoinedNames.of(prefix, name);
            out.put(field, SystemFields.normalize(field, JsonValues.toField(attributes.value(i))));
        }
    }

    private static boolean isSiblingAttributes(String key, Object value) {
        return value instanceof JsonObject && key.endsWith(SIBLING_ATTRIBUTES)
                && key.length() > SIBLING_ATTRIBUTES.length();
    }

    private static String elementOf(String siblingKey) {
        return siblingKey.substring(0, siblingKey.length() - SIBLING_ATTRIBUTES.length());
    }
}
