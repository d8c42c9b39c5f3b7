package org.sigmascope.sigma.detection;

/** Compares one rule value with the value of an event's field. */
public interface ValueMatcher {

    /**
     * @param present whether the event has the field at all
     * @param value   the field's value, one item at a time when the event holds a list; {@code null} when absent
     *                or null
     * @param event   the whole event, for modifiers that look at other fields ({@code fieldref})
     * @return the matched range of the value's text, {@link Hit#WHOLE} when the value as a whole matched, or
     *         {@code null} when it did not match
     */
    Hit match(boolean present, Object value, EventView event);

    /** The rule value as written, for explanations. */
    String ruleValue();

    /** Whether this matcher wants to be called when the field is absent (null tests, {@code exists: false}). */
    default boolean matchesAbsence() {
        return false;
    }

    /** Where in the event value's text the rule value matched. */
    record Hit(int start, int end) {
        public static final Hit WHOLE = new Hit(-1, -1);
    }
}
