package org.sigmascope.sigma;

import java.util.Locale;

/** A rule's {@code logsource}: any of the three may be {@code null}. Values are kept lower-case. */
public record Logsource(String product, String category, String service) {
    public Logsource {
        product = normalize(product);
        category = normalize(category);
        service = normalize(service);
    }

    private static String normalize(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "product", product);
        append(text, "category", category);
        append(text, "service", service);
        return text.length() == 0 ? "(any)" : text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append('=').append(value);
        }
    }
}
