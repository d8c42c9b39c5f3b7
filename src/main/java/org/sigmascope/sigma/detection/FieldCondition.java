package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Match.FieldHit;

/**
 * One {@code field|modifiers: values} item of a search identifier: true when any value matches, or with
 * {@code |all} when every value does; with {@code |neq}, true when that is not so. A {@code null} field is a
 * keyword search over every field of the event.
 *
 * @param field     the Sigma field name, or {@code null} for keywords
 * @param modifiers the modifier names as written, for explanations
 * @param matchers  one matcher per rule value
 * @param all       whether every matcher must match
 * @param negated   whether the item is negated ({@code neq})
 */
public record FieldCondition(String field, List<String> modifiers, List<ValueMatcher> matchers, boolean all,
                             boolean negated) {
    public FieldCondition {
        modifiers = List.copyOf(modifiers);
        matchers = List.copyOf(matchers);
    }

    public FieldCondition(String field, List<String> modifiers, List<ValueMatcher> matchers, boolean all) {
        this(field, modifiers, matchers, all, false);
    }

    /** The hits that make this item true, or {@code null} when it is false. */
    public List<FieldHit> evaluate(EventView event) {
        List<FieldHit> hits = evaluatePositive(event);
        if (!negated) {
            return hits;
        }
        if (hits != null) {
            return null;
        }
        // A negated item holds because nothing matched: the explanation shows what the event has instead.
        String shown = field == null ? null : Fields.textOf(event.get(field));
        List<String> values = matchers.stream().map(ValueMatcher::ruleValue).toList();
        return List.of(new FieldHit(field == null ? "(keywords)" : field, modifiers, String.join(", ", values), shown,
                -1, -1, "not " + (values.size() == 1 ? values.get(0) : (all ? "all of " : "any of ") + values)));
    }

    /**
     * Whether the item can only hold when the event has its field: diagnostics use it to tell that a rule cannot
     * fire on evidence that never has the field.
     */
    public boolean needsField() {
        if (field == null || negated) {
            return false;
        }
        return all ? matchers.stream().anyMatch(m -> !m.wholeField())
                : matchers.stream().noneMatch(ValueMatcher::wholeField);
    }

    private List<FieldHit> evaluatePositive(EventView event) {
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
        if (matcher.wholeField()) {
            return hit(matcher, present, value, event, field);
        }
        if (!present || value == null) {
            return null;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                FieldHit hit = hit(matcher, true, item, event, field);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }
        return hit(matcher, true, value, event, field);
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
            } else if (value != null) {
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
        return new FieldHit(field == null ? "(keyword in " + where + ")" : field, modifiers, matcher.ruleValue(),
                Fields.textOf(value), hit.start(), hit.end(),
                hit.compared());
    }
}
