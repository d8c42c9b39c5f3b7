package org.sigmascope.sigma.detection;

/** A rule value of {@code null}: the field is absent, or present with a null value. */
public final class NullMatcher implements ValueMatcher {
    @Override
    public Hit match(boolean present, Object value, EventView event) {
        return value == null ? Hit.WHOLE : null;
    }

    @Override
    public String ruleValue() {
        return "null";
    }

    @Override
    public boolean wholeField() {
        return true;
    }
}
