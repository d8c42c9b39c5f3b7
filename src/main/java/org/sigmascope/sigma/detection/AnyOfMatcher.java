package org.sigmascope.sigma.detection;

import java.util.List;

/**
 * One rule value that stands for several alternatives, any of which may match: the three offsets of
 * {@code base64offset}, the values of an {@code expand} placeholder.
 *
 * @param alternatives the matchers of the alternatives, tried in order
 * @param ruleValue    the value as the rule wrote it
 */
public record AnyOfMatcher(List<ValueMatcher> alternatives, String ruleValue) implements ValueMatcher {
    public AnyOfMatcher {
        alternatives = List.copyOf(alternatives);
    }

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        for (ValueMatcher alternative : alternatives) {
            Hit hit = alternative.match(present, value, event);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    @Override
    public boolean wholeField() {
        return !alternatives.isEmpty() && alternatives.stream().allMatch(ValueMatcher::wholeField);
    }
}
