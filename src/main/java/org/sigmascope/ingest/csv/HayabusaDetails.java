package org.sigmascope.ingest.csv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hayabusa's field summaries: {@code Name: value ¦ Name: value} (2.x), or {@code Name: value  :  Name: value}
 * (1.x, two spaces around the colon that separates pairs).
 */
final class HayabusaDetails {
    private HayabusaDetails() {
    }

    static Map<String, String> split(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean separated = text.contains("¦") || text.contains("  :  ");
        if (!separated && text.indexOf(": ") != text.lastIndexOf(": ")) {
            return fields; // pairs without separators cannot be told apart: the text is kept whole
        }
        String[] pairs = text.contains("¦") ? text.split("\\s*¦\\s*") : text.split("\\s{2,}:\\s{2,}");
        for (String pair : pairs) {
            int colon = pair.indexOf(": ");
            if (colon <= 0) {
                continue;
            }
            String name = pair.substring(0, colon).strip();
            if (name.matches("[\\p{L}\\p{N}_ ]{1,64}")) {
                fields.putIfAbsent(name.replace(' ', '_'), pair.substring(colon + 2).strip());
            }
        }
        return fields;
    }
}
