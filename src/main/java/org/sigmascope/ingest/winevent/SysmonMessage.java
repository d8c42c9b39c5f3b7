package org.sigmascope.ingest.winevent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sigmascope.model.Fields;

/**
 * The rendered message of a Sysmon event, which lists every EventData field as {@code Name: value} on its own
 * line after a title line ({@code Process Create:}). Sysmon's names are the EventData names, so exports that keep
 * only the message (Event Viewer CSV) or dropped fields (Winlogbeat drops empty values; NXLog overwrites
 * {@code EventType}) can be completed from it.
 */
public final class SysmonMessage {
    private SysmonMessage() {
    }

    public static boolean isSysmon(String channel, String provider) {
        return Channels.SYSMON.equals(channel) || "Microsoft-Windows-Sysmon".equalsIgnoreCase(provider);
    }

    /**
     * Adds the fields of a Sysmon message that the builder lacks (values as the message renders them).
     *
     * @return whether any field was added
     */
    public static boolean complete(Fields.Builder fields, Object message) {
        if (!(message instanceof String text)) {
            return false;
        }
        boolean added = false;
        for (Map.Entry<String, String> entry : parse(text).entrySet()) {
            if (!fields.contains(entry.getKey())) {
                fields.put(entry.getKey(), entry.getValue());
                added = true;
            }
        }
        return added;
    }

    /** The fields of the message in order; lines that do not start with {@code Name:} continue the value before. */
    public static Map<String, String> parse(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (message == null) {
            return fields;
        }
        String last = null;
        String[] lines = message.split("\r\n|\n|\r", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = keyEnd(line);
            if (colon > 0) {
                last = line.substring(0, colon);
                String value = line.substring(colon + 1);
                fields.put(last, value.startsWith(" ") ? value.substring(1) : value);
            } else if (last != null && !(i == lines.length - 1 && line.isEmpty())) {
                fields.put(last, fields.get(last) + "\r\n" + line);
            }
        }
        return fields;
    }

    /** The index of the colon after a field name at the start of the line, or -1. */
    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length() && Character.isLetterOrDigit(line.charAt(i))) {
            i++;
        }
        return i > 0 && i < line.length() && line.charAt(i) == ':' && Character.isUpperCase(line.charAt(0)) ? i : -1;
    }
}
