package org.sigmascope.ingest.evtx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Puts field values from different parsers in one form before comparing them, as the corpus README asks:
 * times to the microsecond (the evtx crate 0.8.5 prints six digits, Windows seven, libevtx nine), GUIDs without
 * braces in upper case, hex without zero padding.
 */
final class FieldNormalizer {
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?");
    private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f]+");

    private FieldNormalizer() {
    }

    static Object normalize(Object value) {
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(normalize(item));
            }
            return items;
        }
        if (!(value instanceof String text)) {
            return value;
        }
        if (GUID.matcher(text).matches()) {
            return text.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        }
        if (TIME.matcher(text).matches()) {
            Instant instant = Timestamps.parseOrNull(text);
            if (instant != null) {
                return Timestamps.format(instant.truncatedTo(ChronoUnit.MICROS));
            }
        }
        if (HEX.matcher(text).matches() && text.length() <= 18) {
            return "0x" + Long.toHexString(Long.parseUnsignedLong(text.substring(2), 16));
        }
        return text;
    }

    /** The text of a value, normalized, for comparisons across types (a number and its digits agree). */
    static String text(Object value) {
        return Fields.textOf(normalize(value));
    }
}
