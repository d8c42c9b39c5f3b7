package org.sigmascope.ingest.json;

import java.util.List;
import java.util.Set;

import org.sigmascope.model.Fields;

/**
 * Keeps JSON that is not Windows event data under dotted names ({@code host.name}, {@code process.pid}): Sigma
 * names nested JSON fields by their paths, so rules written for ECS and other JSON logs still find them.
 */
final class Dotted {
    private Dotted() {
    }

    /** Puts every leaf of {@code object} as {@code prefix + path}; arrays of scalars stay lists. */
    static void flatten(String prefix, JsonObject object, Fields.Builder out) {
        flatten(prefix, object, out, Set.of());
    }

    /** As {@link #flatten(String, JsonObject, Fields.Builder)}, leaving out the given full paths. */
    static void flatten(String prefix, JsonObject object, Fields.Builder out, Set<String> skip) {
        for (int i = 0; i < object.size(); i++) {
            String name = prefix + object.key(i);
            if (skip.contains(name)) {
                continue;
            }
            Object value = object.value(i);
            if (value instanceof JsonObject nested) {
                if (nested.size() == 0) {
                    out.put(name, null);
                } else {
                    flatten(name + ".", nested, out, skip);
                }
            } else if (value instanceof List<?> list && list.stream().anyMatch(JsonObject.class::isInstance)) {
                out.put(name, JsonText.write(list));
            } else {
                out.put(name, JsonValues.toField(value));
            }
        }
    }
}
