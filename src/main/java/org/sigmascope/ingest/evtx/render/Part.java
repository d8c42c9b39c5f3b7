package org.sigmascope.ingest.evtx.render;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;

/**
 * A field value that a {@link FieldPlan} computes from a record's decoded substitution values. While a plan is
 * recorded the flattener carries these in place of values; every operation it applies to a value (trimming,
 * joining text, gathering unnamed {@code Data}) becomes one of these parts, so replaying the plan applies the same
 * operations to the next record's values. Anything else in a recorded value is a constant of the template.
 */
sealed interface Part {
    Object evaluate(Object[] values);

    /** A value or a part, evaluated. */
    static Object evaluate(Object value, Object[] values) {
        return value instanceof Part part ? part.evaluate(values) : value;
    }

    /** Substitution {@code index}, decoded (never null: the plan's signature says so). */
    record Substitution(int index) implements Part {
        @Override
        public Object evaluate(Object[] values) {
            return values[index];
        }
    }

    /** Trailing white space trimmed, as {@link Whitespace#trim(Object)}. */
    record Trimmed(Object value) implements Part {
        @Override
        public Object evaluate(Object[] values) {
            return Whitespace.trim(Part.evaluate(value, values));
        }
    }

    /** A System value typed as {@link SystemFields#normalize} types it (text of a number becomes the number). */
    record SystemValue(String name, Object value) implements Part {
        @Override
        public Object evaluate(Object[] values) {
            return SystemFields.normalize(name, Part.evaluate(value, values));
        }
    }

    /** Several pieces of one element's or attribute's content, none null, joined as text. */
    record Joined(List<Object> pieces) implements Part {
        @Override
        public Object evaluate(Object[] values) {
            StringBuilder text = new StringBuilder();
            for (Object piece : pieces) {
                text.append(Fields.textOf(Part.evaluate(piece, values)));
            }
            return text.toString();
        }
    }

    /**
     * The contents of unnamed {@code Data} elements gathered in one list, as the crate does: lists spread, nulls
     * left out, and no list at all (null) when nothing is left.
     */
    record Gathered(List<Object> contents) implements Part {
        @Override
        public Object evaluate(Object[] values) {
            List<Object> items = new ArrayList<>(contents.size());
            for (Object content : contents) {
                gather(items, Part.evaluate(content, values));
            }
            return items.isEmpty() ? null : items;
        }

        static void gather(List<Object> items, Object value) {
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item != null) {
                        items.add(item);
                    }
                }
            } else if (value != null) {
                items.add(value);
            }
        }
    }
}
