package org.sigmascope.sigma.detection;

/** {@code field|exists: true|false}: the field is present (even with a null value) or not. */
public record ExistsMatcher(boolean exists) implements ValueMatcher {
    @Override
    public Hit match(boolean present, Object value, EventView event) {
        return present == exists ? Hit.WHOLE : null;
    }

    @Override
    public String ruleValue() {
        return Boolean.toString(exists);
    }

    @Override
    public boolean wholeField() {
        return true;
    }
}
