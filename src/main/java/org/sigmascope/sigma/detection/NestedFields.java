package org.sigmascope.sigma.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Fields;

/**
 * Dotted field names as paths into nested JSON (Sigma: {@code userIdentity.arn} in CloudTrail). Readers keep a
 * nested object as one field holding its JSON text; a dotted name that is not itself a field is looked up by
 * splitting it at a dot, the longest existing field name first, and walking the rest of the path in that JSON.
 */
final class NestedFields {
    /** Returned when the path leads nowhere; different from a present {@code null}. */
    static final Object ABSENT = new Object();

    private NestedFields() {
    }

    static Object lookup(Fields fields, String dotted) {
        for (int dot = dotted.lastIndexOf('.'); dot > 0; dot = dotted.lastIndexOf('.', dot - 1)) {
            if (fields.get(dotted.substring(0, dot)) instanceof String json && json.startsWith("{")) {
                return walk(json, dotted.substring(dot + 1));
            }
        }
        return ABSENT;
    }

    private static Object walk(String json, String path) {
        JsonNode node;
        try {
            node = JsonCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return ABSENT;
        }
        for (String step : path.split("\\.", -1)) {
            if (node == null || !node.isObject() || !node.has(step)) {
                return ABSENT;
            }
            node = node.get(step);
        }
        return JsonCodec.toValue(node);
    }
}
