package org.sigmascope.ingest.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.model.Fields;

/**
 * Flattens the JSON that the Rust evtx crate writes ({@code evtx_dump -o json|jsonl}) into Sigma's field names,
 * following the flattening of EVTX records (docs/evtx-checklist.md, "Flattening"):
 * <ul>
 * <li>{@code Event.System} children by element name, their XML attributes as {@code Element_Attribute}
 *     ({@code Provider_Name}, {@code TimeCreated_SystemTime}, {@code EventID_Qualifiers});</li>
 * <li>{@code Event.EventData} entries by their {@code Name}; unnamed {@code Data} as the list {@code Data};</li>
 * <li>{@code Event.UserData}: the children of its single inner element by their element names.</li>
 * </ul>
 * XML attributes arrive either under {@code "#attributes"} or, from some serializers, as an {@code X_attributes}
 * sibling of element {@code X}; both are handled.
 */
public final class EvtxJsonShape {
    static final String ATTRIBUTES = "#attributes";
    static final String TEXT = "#text";
    private static final String SIBLING_ATTRIBUTES_SUFFIX = "_attributes";

    private EvtxJsonShape() {
    }

    /** Whether the object is an evtx-crate event: {@code {"Event": {"System": …}}}. */
    public static boolean matches(JsonNode root) {
        JsonNode event = root.get("Event");
        return event != null && event.isObject() && event.get("System") != null;
    }

    public static Fields flatten(JsonNode root) {
        JsonNode event = root.get("Event");
        Fields.Builder fields = Fields.builder(40);
        JsonNode system = event.get("System");
        if (system != null && system.isObject()) {
            flattenElements(system, fields);
        }
        JsonNode eventData = event.get("EventData");
        if (eventData != null && eventData.isObject()) {
            flattenElements(eventData, fields);
        }
        JsonNode userData = event.get("UserData");
        if (userData != null && userData.isObject()) {
            for (Map.Entry<String, JsonNode> inner : userData.properties()) {
                if (isAttributes(inner.getKey())) {
                    continue;
                }
                if (inner.getValue().isObject()) {
                    flattenElements(inner.getValue(), fields);
                } else {
                    fields.put(inner.getKey(), JsonValues.toValue(inner.getValue()));
                }
            }
        }
        return fields.build();
    }

    /** Each child element becomes a field named after it; its attributes become {@code Child_Attribute}. */
    private static void flattenElements(JsonNode parent, Fields.Builder fields) {
        for (Map.Entry<String, JsonNode> entry : parent.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals(ATTRIBUTES)) {
                continue;
            }
            if (name.endsWith(SIBLING_ATTRIBUTES_SUFFIX) && value.isObject()) {
                String element = name.substring(0, name.length() - SIBLING_ATTRIBUTES_SUFFIX.length());
                putAttributes(element, value, fields);
                continue;
            }
            if (value.isObject()) {
                JsonNode attributes = value.get(ATTRIBUTES);
                if (attributes != null && attributes.isObject()) {
                    putAttributes(name, attributes, fields);
                }
                if (value.has(TEXT)) {
                    fields.put(name, JsonValues.toValue(value.get(TEXT)));
                } else if (attributes == null || value.size() > 1) {
                    // An element with child elements: keep them under its name.
                    for (Map.Entry<String, JsonNode> child : value.properties()) {
                        if (!child.getKey().equals(ATTRIBUTES)) {
                            fields.put(name + "_" + child.getKey(), JsonValues.toValue(child.getValue()));
                        }
                    }
                }
            } else {
                fields.put(name, JsonValues.toValue(value));
            }
        }
    }

    private static void putAttributes(String element, JsonNode attributes, Fields.Builder fields) {
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            if (attribute.getKey().equals("xmlns")) {
                continue;
            }
            fields.put(element + "_" + attribute.getKey(), JsonValues.toValue(attribute.getValue()));
        }
    }

    private static boolean isAttributes(String key) {
        return key.equals(ATTRIBUTES) || key.endsWith(SIBLING_ATTRIBUTES_SUFFIX);
    }
}
