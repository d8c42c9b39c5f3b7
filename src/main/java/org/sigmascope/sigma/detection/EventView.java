package org.sigmascope.sigma.detection;

import org.sigmascope.model.Fields;

/**
 * An event as a rule sees it: field names in the rule's naming, after the logsource's field mapping (for example,
 * {@code Image} read from Security 4688's {@code NewProcessName}).
 */
public interface EventView {

    /** Whether the field is present, even with a null value. */
    boolean has(String field);

    /** The field's value, or {@code null} when absent or null. */
    Object get(String field);

    /** Every field of the event, for keyword searches over the whole event. */
    Fields fields();

    /** A view of the fields as they are, without any mapping. */
    static EventView of(Fields fields) {
        return new EventView() {
            @Override
            public boolean has(String field) {
                return fields.contains(field);
            }

            @Override
            public Object get(String field) {
                return fields.get(field);
            }

            @Override
            public Fields fields() {
                return fields;
            }
        };
    }
}
