package org.sigmascope.ingest.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Converts JSON values to the value types of {@link org.sigmascope.model.Fields}. */
final class JsonValues {
    private JsonValues() {
    }

    /** A scalar as String, Long, Double or Boolean; an array as a list of those; an object as its JSON text. */
    static Object toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            // Keywords and other 64-bit values can exceed a signed long: keep their exact digits as text.
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(toValue(item));
            }
            return items;
        }
        return node.toString();
    }
}
