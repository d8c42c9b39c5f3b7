package org.sigmascope.ingest.evtx.render;

import org.sigmascope.model.Fields;

/**
 * How every record of one template whose values have one shape flattens: the field names, settled once with
 * their lookup index (a {@link Fields.Layout}, shared by all those events), and where each field's value comes
 * from — a constant of the template, a substitution value (most fields), or a {@link Part} to compute. Replaying
 * it costs a record only the decoding of its values, where walking the template costs every element, name and
 * sibling check again.
 *
 * <p>The shape of the values ({@link TemplatePlans}) is what can change the fields from record to record of one template: which
 * values are null and their types (an attribute with a null value is left out; a FILETIME in
 * {@code TimeCreated} is the event's time). A plan is recorded by the {@link FieldFlattener} itself, walking the
 * template with symbolic values, so the flattening rules exist once.
 */
final class FieldPlan {
    /** A template whose flattening depends on more than its values' shape (a {@code Data} name from a value). */
    static final class NotPlannable extends RuntimeException {
        NotPlannable() {
            super(null, null, false, false);
        }
    }

    private static final int CONSTANT = 0;
    private static final int SUBSTITUTION = 1;
    private static final int TRIMMED = 2;
    private static final int COMPUTED = 3;

    private final Fields.Layout layout;
    private final int[] kinds;
    private final int[] positions;
    private final Object[] constants;
    private final int timeCreated;

    /**
     * @param values      per field: a constant, or a {@link Part} over the decoded values
     * @param timeCreated the position of the value that is {@code System/TimeCreated/@SystemTime}, or -1
     */
    FieldPlan(String[] names, Object[] values, int timeCreated) {
        String[] interned = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            // Once per plan: every lookup of the event's columns (EventID, Channel…, by literal names) and of
            // rule fields then matches on identity instead of comparing the name's bytes.
            interned[i] = names[i].intern();
        }
        this.layout = Fields.Layout.of(interned);
        this.kinds = new int[values.length];
        this.positions = new int[values.length];
        this.constants = new Object[values.length];
        this.timeCreated = timeCreated;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Part.Substitution s) {
                kinds[i] = SUBSTITUTION;
                positions[i] = s.index();
            } else if (value instanceof Part.Trimmed t && t.value() instanceof Part.Substitution s) {
                kinds[i] = TRIMMED;
                positions[i] = s.index();
            } else {
                kinds[i] = value instanceof Part ? COMPUTED : CONSTANT;
                constants[i] = value;
            }
        }
    }

    /** The position of the value holding the event's FILETIME, or -1. */
    int timeCreated() {
        return timeCreated;
    }

    /**
     * The fields of a record with this shape, from its values decoded in the template's order.
     *
     * @param trimmed per value, whether trimming it would change nothing (so it need not be looked at)
     */
    Fields fields(Object[] decoded, boolean[] trimmed) {
        Object[] values = new Object[kinds.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (kinds[i]) {
                case SUBSTITUTION -> decoded[positions[i]];
                case TRIMMED -> trimmed[positions[i]] ? decoded[positions[i]] : Whitespace.trim(decoded[positions[i]]);
                case COMPUTED -> ((Part) constants[i]).evaluate(decoded);
                default -> constants[i];
            };
        }
        return layout.fields(values);
    }
}
