package org.sigmascope.ingest.json;

import java.util.List;

/**
 * Writes back as XML text an XML document that an exporter parsed into JSON objects (Velociraptor turns a
 * scheduled task's {@code TaskContent} into objects, attributes as {@code Attr}-prefixed keys). EVTX holds the
 * XML text, and rules search it ({@code TaskContent|contains}), so the text is what the field must be.
 */
final class NestedXml {
    private static final String ATTRIBUTE_PREFIX = "Attr";

    private NestedXml() {
    }

    /** The XML of {@code object}, under a root element named for the field ({@code Task} for task contents). */
    static String write(String field, JsonObject object) {
        StringBuilder out = new StringBuilder();
        element(field.startsWith("TaskContent") ? "Task" : field, object, out);
        return out.toString();
    }

    private static void element(String name, Object value, StringBuilder out) {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                element(name, item, out);
            }
            return;
        }
        out.append('<').append(name);
        if (value instanceof JsonObject object) {
            for (int i = 0; i < object.size(); i++) {
                String key = object.key(i);
                if (key.startsWith(ATTRIBUTE_PREFIX) && key.length() > ATTRIBUTE_PREFIX.length()
                        && !(object.value(i) instanceof JsonObject)) {
                    out.append(' ').append(key.substring(ATTRIBUTE_PREFIX.length())).append("=\"");
                    escape(String.valueOf(JsonValues.scalarText(object.value(i))), true, out);
                    out.append('"');
                }
            }
            out.append('>');
            for (int i = 0; i < object.size(); i++) {
                String key = object.key(i);
                Object child = object.value(i);
                if (!(key.startsWith(ATTRIBUTE_PREFIX) && key.length() > ATTRIBUTE_PREFIX.length()
                        && !(child instanceof JsonObject))) {
                    element(key, child, out);
                }
            }
        } else {
            out.append('>');
            if (value != null) {
                escape(value.toString(), false, out);
            }
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
