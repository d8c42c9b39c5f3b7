package org.sigmascope.sigma.compiled;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.logsource.FieldMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * How a rule's field is read from one kind of event: the event's field of that name, or a mapping of the
 * logsource ({@code Image} from 4688's {@code NewProcessName}). Equal accessors read the same value, so predicates
 * on them are shared across rules and bindings.
 */
sealed interface Accessor {

    /** Whether the event has the field, even with a null value (as {@link EventView#has}). */
    boolean has(Fields fields);

    /** The field's value, or {@code null} (as {@link EventView#get}). */
    Object get(Fields fields);

    static Accessor of(SourceBinding binding, String field) {
        FieldMapping mapping = binding.fields().get(field);
        return mapping != null ? new Mapped(mapping) : new Raw(field);
    }

    /** The event's own field; a dotted name may be a path into a field holding JSON, as {@link EventView#of}. */
    record Raw(String field) implements Accessor {
        /**
         * Interned, as the EVTX reader interns its field names: each lookup of the field then finds its name by
         * identity instead of comparing its chars.
         */
        public Raw {
            field = field.intern();
        }

        @Override
        public boolean has(Fields fields) {
            return fields.contains(field) || field.indexOf('.') >= 0 && EventView.of(fields).has(field);
        }

        @Override
        public Object get(Fields fields) {
            Object value = fields.get(field);
            if (value != null || fields.contains(field) || field.indexOf('.') < 0) {
                return value;
            }
            return EventView.of(fields).get(field);
        }
    }

    /** Every field of the event, as keywords search them: the value is the event's {@link Fields}. */
    record Keywords() implements Accessor {
        @Override
        public boolean has(Fields fields) {
            return true;
        }

        @Override
        public Object get(Fields fields) {
            return fields;
        }
    }

    /** A field the logsource mapping reads another way. */
    record Mapped(FieldMapping mapping) implements Accessor {
        @Override
        public boolean has(Fields fields) {
            return mapping.has(fields);
        }

        @Override
        public Object get(Fields fields) {
            return mapping.get(fields);
        }
    }
}
