package org.sigmascope.ingest.json;

import java.util.List;

import org.sigmascope.ingest.winevent.HexFields;

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

    /**
     * Puts EventData as an exporter decoded it, undoing the decoding: hexadecimal integers it made decimal become
     * {@code 0x…} again ({@link HexFields}), XML it parsed into objects becomes XML text again. A field already
     * present is replaced (flat exports repeat some EventData fields at the top level).
     */
    static void putEventData(JsonObject data, String channel, org.sigmascope.model.Fields.Builder fields,
                             org.sigmascope.ingest.winevent.RecordContext context) {
        if (data == null) {
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            String key = data.key(i);
            Object value = data.value(i);
            if (value instanceof Long number && HexFields.isHex(channel, key)) {
                fields.set(key, HexFields.hex(number));
            } else if (value instanceof JsonObject nested) {
                fields.set(key, write(key, nested));
                context.note("nested-xml", "XML inside " + key + " was parsed into objects by the exporter; it was "
                        + "written back as XML text (element order and whitespace may differ from the original)");
            } else {
                fields.set(key, JsonValues.toField(value));
            }
        }
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
