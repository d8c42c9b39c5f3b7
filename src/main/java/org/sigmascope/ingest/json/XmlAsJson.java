package org.sigmascope.ingest.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.ElementNode;

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
        JsonObject root = JsonTreeParser.parse(json);
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
        List<ElementNode.Attribute> attributes = new ArrayList<>();
        List<ElementNode> children = new ArrayList<>();
        String text = null;
        for (int i = 0; i < object.size(); i++) {
            String key = object.key(i);
            Object child = object.value(i);
            if (key.startsWith("@")) {
                String attribute = key.substring(1);
                if (!attribute.equals("xmlns") && !attribute.startsWith("xmlns:")) {
                    attributes.add(new ElementNode.Attribute(attribute, JsonValues.scalarText(child)));
                }
            } else if (key.equals("#text")) {
                text = child instanceof List<?> parts ? String.join("", parts.stream().map(String::valueOf).toList())
                        : JsonValues.scalarText(child);
            } else {
                addElements(key, child, children);
            }
        }
        return new ElementNode(name, attributes, text, children);
    }
}
