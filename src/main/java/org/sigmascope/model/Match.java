package org.sigmascope.model;

import java.util.List;

/**
 * Why a rule matched an event: the selections of its condition that were true, and in each the field
 * comparisons that made them true.
 */
public record Match(List<SelectionHit> selections) {
    public Match {
        selections = List.copyOf(selections);
    }

    /** A search identifier of the rule's detection that evaluated to true. */
    public record SelectionHit(String selection, List<FieldHit> fields) {
        public SelectionHit {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One comparison that held.
     *
     * @param field      the Sigma field name, or {@code null} for a keyword search over the whole event
     * @param modifiers  the modifier chain as written in the rule ({@code contains}, {@code all} …)
     * @param ruleValue  the value as the rule wrote it
     * @param eventValue the event's value that was compared (for keywords: the value of the field that held it)
     * @param matchStart where in {@code eventValue} the matched part starts, or -1 when the whole value (or its
     *                   absence, or a numeric comparison) decided
     * @param matchEnd   where the matched part ends (exclusive), or -1
     * @param compared   what was really compared when a modifier derived it from the rule value (the base64 form,
     *                   the windash variants, the other field's value for {@code fieldref}, {@code > 5} for
     *                   {@code gt}), or {@code null} when the rule value was compared as written
     */
    public record FieldHit(String field, List<String> modifiers, String ruleValue, String eventValue,
                           int matchStart, int matchEnd, String compared) {
        public FieldHit {
            modifiers = List.copyOf(modifiers);
        }

        public FieldHit(String field, List<String> modifiers, String ruleValue, String eventValue, int matchStart,
                        int matchEnd) {
            this(field, modifiers, ruleValue, eventValue, matchStart, matchEnd, null);
        }

        /** The part of the event value that matched, or the whole value when no part is known. */
        public String matchedPart() {
            if (eventValue == null) {
                return null;
            }
            if (matchStart < 0 || matchEnd < matchStart || matchEnd > eventValue.length()) {
                return eventValue;
            }
            return eventValue.substring(matchStart, matchEnd);
        }
    }
}
