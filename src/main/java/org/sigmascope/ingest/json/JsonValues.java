package org.sigmascope.ingest.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Converts parsed JSON values to the value types of {@link org.sigmascope.model.Fields}. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * A field value: scalars as String, Long, Double or Boolean; integers beyond 64 bits as their exact decimal
     * text; arrays as lists; objects as their JSON text.
     */
    static Object toField(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        if (value instanceof JsonDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(toField(item));
            }
            return items;
        }
        return JsonText.write(value);
    }

    /** A scalar as text, or {@code null} for null, objects and arrays. */
    static String scalarText(Object value) {
        if (value == null || value instanceof JsonObject || value instanceof List) {
            return null;
        }
        return value.toString();
    }
}
