package org.sigmascope.sigma.detection;

import org.sigmascope.model.Fields;

/**
 * {@code field|fieldref: other}: the field's value equals the value of another field of the same event (or
 * starts with, ends with, contains it, after {@code startswith}, {@code endswith}, {@code contains}).
 * Case-insensitive unless {@code cased}, like every Sigma comparison. Never true when either field is absent.
 */
public record FieldRefMatcher(String other, boolean startsWith, boolean endsWith, boolean cased)
        implements ValueMatcher {

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        Object reference = event.get(other);
        if (value == null || reference == null) {
            return null;
        }
        String text = Fields.textOf(value);
        String needle = Fields.textOf(reference);
        int start = find(text, needle);
        if (start < 0) {
            return null;
        }
        return new Hit(start, start + needle.length(), other + " = " + needle);
    }

    private int find(String text, String needle) {
        boolean ignoreCase = !cased;
        if (!startsWith && !endsWith) {
            return text.length() == needle.length() && text.regionMatches(ignoreCase, 0, needle, 0, needle.length())
                    ? 0 : -1;
        }
        if (startsWith && !endsWith) {
            return text.regionMatches(ignoreCase, 0, needle, 0, needle.length()) ? 0 : -1;
        }
        if (endsWith && !startsWith) {
            int from = text.length() - needle.length();
            return from >= 0 && text.regionMatches(ignoreCase, from, needle, 0, needle.length()) ? from : -1;
        }
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(ignoreCase, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String ruleValue() {
        return other;
    }
}
