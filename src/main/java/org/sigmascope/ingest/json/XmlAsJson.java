package org.sigmascope.ingest.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.ElementNode;
import org.sigmascope.model.Fields;

/**
 * XML rendered as JSON the way .NET's Json.NET does it ({@code JsonConvert.SerializeXmlNode}), which EvtxECmd
 * uses for its {@code Payload} column: attributes as {@code "@Name"} keys, text as {@code "#text"}, repeated
 * elements as arrays. Turned back into {@link ElementNode}s, so the one XML flattening applies.
 */
public final class XmlAsJson {
    private XmlAsJson() {
    }

    /** The elements of a Json.NET document ({@code {"EventData": {...}}}) as children of a synthetic root. */
    public static ElementNode parse(String json) throws IOException {
        return elements(read(json));
    }

    /** A Json.NET document, parsed. */
    public static JsonObject read(String json) throws IOException {
        return JsonTreeParser.parse(json);
    }

    /**
     * Puts the fields of a document that is only {@code EventData} of named {@code Data} elements with text (nearly
     * every record EvtxECmd writes) straight into {@code out}, each {@code Data} as its {@code Name}, exactly as
     * {@link org.sigmascope.ingest.winevent.ElementFlattener#flattenEventData} puts the elements of {@link #parse};
     * without the element tree. Returns false, having put nothing, for any other document.
     */
    public static boolean putNamedData(JsonObject root, Fields.Builder out) {
        if (root.size() != 1 || !root.key(0).equals("EventData") || !(root.value(0) instanceof JsonObject eventData)
                || eventData.size() != 1 || !eventData.key(0).equals("Data")) {
            return false;
        }
        Object data = eventData.value(0);
        List<?> items = data instanceof List<?> list ? list : List.of(data);
        for (Object item : items) {
            if (!isNamedData(item)) {
                return false;
            }
        }
        for (Object item : items) {
            JsonObject element = (JsonObject) item;
            Object text = element.get("#text");
            out.put((String) element.get("@Name"), text == null ? "" : text);
        }
        return true;
    }

    /** {@code {"@Name": "X"}} or {@code {"@Name": "X", "#text": "…" or null}}, in either order. */
    private static boolean isNamedData(Object item) {
        if (!(item instanceof JsonObject element) || element.size() == 0 || element.size() > 2
                || !(element.get("@Name") instanceof String)) {
            return false;
        }
        int text = element.indexOf("#text");
        return element.size() == 1 ? text < 0 : text >= 0 && (element.value(text) == null
                || element.value(text) instanceof String);
    }

    /** The elements of a parsed Json.NET document as children of a synthetic root. */
    public static ElementNode elements(JsonObject root) {
        List<ElementNode> children = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            addElements(root.key(i), root.value(i), children);
        }
        return new ElementNode("#document", List.of(), null, children);
    }

    private static void addElements(String name, Object value, List<ElementNode> into) {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                addElements(name, item, into);
            }
        } else {
            into.add(element(name, value));
        }
    }

    private static ElementNode element(String name, Object value) {
        if (!(value instanceof JsonObject object)) {
            return new ElementNode(name, List.of(), JsonValues.scalarText(value), List.of());
        }
        // Most elements are a Data with one attribute and text: the lists are made only when something goes in.
        List<ElementNode.Attribute> attributes = null;
        List<ElementNode> children = null;
        String text = null;
        for (int i = 0; i < object.size(); i++) {
            String key = object.key(i);
            Object child = object.value(i);
            if (key.startsWith("@")) {
                String attribute = JoinedNames.withoutFirst(key);
                if (!attribute.equals("xmlns") && !attribute.startsWith("xmlns:")) {
                    if (attributes == null) {
                        attributes = new ArrayList<>(2);
                    }
                    attributes.add(new ElementNode.Attribute(attribute, JsonValues.scalarText(child)));
                }
            } else if (key.equals("#text")) {
                text = child instanceof List<?> parts ? String.join("", parts.stream().map(String::valueOf).toList())
                        : JsonValues.scalarText(child);
            } else {
                if (children == null) {
                    children = new ArrayList<>();
                }
                addElements(key, child, children);
            }
        }
        return new ElementNode(name, attributes == null ? List.of() : attributes, text,
                children == null ? List.of() : children);
    }
}
