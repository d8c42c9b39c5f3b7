package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Match.FieldHit;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.modifier.ModifierChain;
import org.sigmascope.sigma.modifier.ModifierException;

/** Compiles single detection items ({@code field|modifiers: value}) and evaluates them on hand-made events. */
final class Items {
    private Items() {
    }

    /** Fields from name/value pairs, in order; values may be null (present but null). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** An event from name/value pairs, as rules see it without a logsource mapping. */
    static EventView event(Object... namesAndValues) {
        return EventView.of(Fields.of(fields(namesAndValues)));
    }

    static FieldCondition item(String key, Object value, Placeholders placeholders) throws ModifierException {
        String[] parts = key.split("\\|", -1);
        List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
        return ModifierChain.compile(parts[0].isEmpty() ? null : parts[0], modifiers, value, placeholders);
    }

    static FieldCondition item(String key, Object value) throws ModifierException {
        return item(key, value, Placeholders.NONE);
    }

    static boolean holds(String key, Object value, EventView event) throws ModifierException {
        return item(key, value).evaluate(event) != null;
    }

    /** The explanation of the first hit, or {@code null} when the item does not hold. */
    static FieldHit hit(String key, Object value, EventView event) throws ModifierException {
        List<FieldHit> hits = item(key, value).evaluate(event);
        return hits == null ? null : hits.get(0);
    }

    /** Why the item is refused. */
    static String refusal(String key, Object value) {
        return assertThrows(ModifierException.class, () -> item(key, value)).getMessage();
    }
}
