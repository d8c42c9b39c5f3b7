package org.sigmascope.sigma.logsource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The event fields the mapped field is made from (for diagnostics: a source that never has them). */
    Set<String> sources();

    /**
     * The value of another field, converted: {@code hex} turns {@code 0x1a4} into the number 420; {@code values}
     * translates whole values (MandatoryLabel's SIDs to integrity level names, compared without case); other
     * values pass unchanged; then {@code prefixes} rewrites the start of the value.
     */
    record From(String field, String convert, Map<String, String> values, Map<String, String> prefixes)
            implements FieldMapping {
        public From {
            values = values == null ? Map.of() : upperKeys(values);
            prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
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
                String translated = values.get(Fields.textOf(value).toUpperCase(Locale.ROOT));
                if (translated != null) {
                    return translated;
                }
            }
            return prefixes.isEmpty() ? value : replacePrefix(Fields.textOf(value), prefixes);
        }

        @Override
        public Set<String> sources() {
            return Set.of(field);
        }
    }

    /** A value built from several fields, such as {@code {SubjectDomainName}\{SubjectUserName}}. */
    record Format(String template, Map<String, String> prefixes) implements FieldMapping {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
        /**
         * Each template split once (the matcher reads mapped fields for every event): literals at even indexes,
         * field names at odd ones, interned as the EVTX reader interns its field names. Templates come from the
         * mapping files only, so the map stays small.
         */
        private static final Map<String, String[]> PARTS = new ConcurrentHashMap<>();

        public Format {
            prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
        }

        @Override
        public boolean has(Fields fields) {
            String[] parts = parts();
            for (int i = 1; i < parts.length; i += 2) {
                if (!fields.contains(parts[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object get(Fields fields) {
            String[] parts = parts();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i % 2 == 0) {
                    out.append(parts[i]);
                } else {
                    String value = fields.text(parts[i]);
                    out.append(value == null ? "" : value);
                }
            }
            return prefixes.isEmpty() ? out.toString() : replacePrefix(out.toString(), prefixes);
        }

        private String[] parts() {
            return PARTS.computeIfAbsent(template, Format::split);
        }

        private static String[] split(String template) {
            List<String> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            while (m.find()) {
                parts.add(template.substring(last, m.start()));
                parts.add(m.group(1).intern());
                last = m.end();
            }
            parts.add(template.substring(last));
            return parts.toArray(String[]::new);
        }

        @Override
        public Set<String> sources() {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /** A fixed value: what every event of the source means ({@code EventType: WmiBindingEvent} for WMI 5861). */
    record Constant(String value) implements FieldMapping {
        @Override
        public boolean has(Fields fields) {
            return true;
        }

        @Override
        public Object get(Fields fields) {
            return value;
        }

        @Override
        public Set<String> sources() {
            return Set.of();
        }
    }

    private static Map<String, String> upperKeys(Map<String, String> map) {
        Map<String, String> upper = new LinkedHashMap<>();
        map.forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
        return Map.copyOf(upper);
    }

    private static String replacePrefix(String value, Map<String, String> prefixes) {
        // Longest first, so that a more specific prefix wins over a shorter one.
        for (Map.Entry<String, String> prefix : prefixes.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
            if (value.regionMatches(true, 0, prefix.getKey(), 0, prefix.getKey().length())) {
                return prefix.getValue() + value.substring(prefix.getKey().length());
            }
        }
        return value;
    }
}
