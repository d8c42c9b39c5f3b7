package org.sigmascope.sigma.detection;

/** Compares one rule value with the value of an event's field. Implementations are immutable and thread-safe. */
public interface ValueMatcher {

    /**
     * @param present whether the event has the field at all
     * @param value   the field's value, one item at a time when the event holds a list (unless
     *                {@link #wholeField()}); {@code null} when absent or null
     * @param event   the whole event, for modifiers that look at other fields ({@code fieldref})
     * @return where in the value's text the rule value matched ({@link Hit#WHOLE} when the value as a whole, its
     *         absence or a comparison decided), or {@code null} when it did not match
     */
    Hit match(boolean present, Object value, EventView event);

    /** The rule value as the rule wrote it, for explanations. */
    String ruleValue();

    /**
     * Whether this matcher judges the field as a whole: it is called once, also when the field is absent, with a
     * list value as it is ({@code null}, {@code exists}). Other matchers are called per item, and only for present
     * fields.
     */
    default boolean wholeField() {
        return false;
    }

    /**
     * Where in the event value's text the rule value matched, and what was compared when a modifier derived it
     * from the rule's value (an encoding, a variant, another field's value), else {@code null}.
     */
    record Hit(int start, int end, String compared) {
        public static final Hit WHOLE = new Hit(-1, -1, null);

        public Hit(int start, int end) {
            this(start, end, null);
        }

        public Hit withCompared(String shown) {
            return new Hit(start, end, shown);
        }
    }
}
