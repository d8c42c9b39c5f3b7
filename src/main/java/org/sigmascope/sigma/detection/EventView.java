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

    /**
     * A view of the fields as they are, without any mapping. A dotted name ({@code userIdentity.arn}) that is not
     * a field itself is looked up as a path into a field holding a JSON object (see {@link NestedFields}).
     */
    static EventView of(Fields fields) {
        return new EventView() {
            @Override
            public boolean has(String field) {
                return fields.contains(field) || NestedFields.lookup(fields, field) != NestedFields.ABSENT;
            }

            @Override
            public Object get(String field) {
                if (fields.contains(field)) {
                    return fields.get(field);
                }
                Object nested = NestedFields.lookup(fields, field);
                return nested == NestedFields.ABSENT ? null : nested;
            }

            @Override
            public Fields fields() {
                return fields;
            }
        };
    }
}
