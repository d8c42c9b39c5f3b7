package org.sigmascope.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

import org.sigmascope.model.Fields;

/** A field's value as text, compared without the ways exporters legitimately differ. */
final class ExportedText {
    private static final Pattern GUID =
            Pattern.compile("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?");

    private ExportedText() {
    }

    /** The value's text ({@code ""} for none), a GUID without braces and in upper case. */
    static String canonical(Object value) {
        String text = Fields.textOf(value);
        if (text == null) {
            return "";
        }
        if (GUID.matcher(text).matches()) {
            return text.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        }
        return text;
    }
}
