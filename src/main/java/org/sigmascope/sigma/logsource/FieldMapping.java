package org.sigmascope.sigma.logsource;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;

/**
 * How a Sigma field is read from an event of a source that names it differently, for example {@code Image}
 * from Security 4688's {@code NewProcessName}.
 */
public sealed interface FieldMapping {

    /** Whether the event has what the mapped field is made from. */
    boolean has(Fields fields);

    /** The mapped value, or {@code null}. */
    Object get(Fields fields);

    /**
     * The value of another field, converted: {@code hex} turns {@code 0x1a4} into the number 420; {@code values}
     * translates whole values (MandatoryLabel's SIDs to integrity level names); other values pass unchanged.
     */
    record From(String field, String convert, Map<String, String> values) implements FieldMapping {
        public From {
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        @Override
        public boolean has(Fields fields) {
            return fields.contains(field);
        }

        @Override
        public Object get(Fields fields) {
            Object value = fields.get(field);
            if (value == null) {
                return null;
            }
            if ("hex".equals(convert)) {
                long number = EventFactory.longOr(value instanceof String s && !s.startsWith("0x") ? "0x" + s : value, -1);
                return number < 0 ? value : (Object) number;
            }
            if (!values.isEmpty()) {
                String translated = values.get(Fields.textOf(value).toUpperCase(java.util.Locale.ROOT));
                return translated != null ? translated : value;
            }
            return value;
        }
    }

    /** A value built from several fields, such as {@code {SubjectDomainName}\{SubjectUserName}}. */
    record Format(String template) implements FieldMapping {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

        @Override
        public boolean has(Fields fields) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!fields.contains(m.group(1))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object get(Fields fields) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = fields.text(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
