package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Match.FieldHit;

/**
 * One {@code field|modifiers: values} item of a search identifier: true when any value matches, or with
 * {@code |all} when every value does. A {@code null} field is a keyword search over every field of the event.
 *
 * @param field     the Sigma field name, or {@code null} for keywords
 * @param modifiers the modifier names as written, for explanations
 * @param matchers  one matcher per rule value (a modifier such as windash may have made several of one)
 * @param all       whether every matcher must match
 */
public record FieldCondition(String field, List<String> modifiers, List<ValueMatcher> matchers, boolean all) {
    public FieldCondition {
        modifiers = List.copyOf(modifiers);
        matchers = List.copyOf(matchers);
    }

    /** The hits that make this item true, or {@code null} when it is false. */
    public List<FieldHit> evaluate(EventView event) {
        List<FieldHit> hits = all ? new ArrayList<>(matchers.size()) : null;
        for (ValueMatcher matcher : matchers) {
            FieldHit hit = field == null ? matchKeyword(matcher, event) : matchField(matcher, event);
            if (hit != null && !all) {
                return List.of(hit);
            }
            if (hit == null && all) {
                return null;
            }
            if (hit != null) {
                hits.add(hit);
            }
        }
        return all && !matchers.isEmpty() ? hits : null;
    }

    private FieldHit matchField(ValueMatcher matcher, EventView event) {
        boolean present = event.has(field);
        Object value = event.get(field);
        if (value instanceof List<?> items && !items.isEmpty()) {
            for (Object item : items) {
                FieldHit hit = hit(matcher, present, item, event, field);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }
        if (!present && !matcher.matchesAbsence()) {
            return null;
        }
        return hit(matcher, present, value, event, field);
    }

    private FieldHit matchKeyword(ValueMatcher matcher, EventView event) {
        Fields fields = event.fields();
        for (int i = 0; i < fields.size(); i++) {
            Object value = fields.value(i);
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    FieldHit hit = hit(matcher, true, item, event, fields.name(i));
                    if (hit != null) {
                        return hit;
                    }
                }
            } else {
                FieldHit hit = hit(matcher, true, value, event, fields.name(i));
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private FieldHit hit(ValueMatcher matcher, boolean present, Object value, EventView event, String where) {
        ValueMatcher.Hit hit = matcher.match(present, value, event);
        if (hit == null) {
            return null;
        }
        // For keywords the explanation names the field where the keyword was found.
        String shownField = field == null ? where : field;
        return new FieldHit(field == null ? "(keyword in " + shownField + ")" : field, modifiers,
                matcher.ruleValue(), Fields.textOf(value), hit.start(), hit.end());
    }
}
