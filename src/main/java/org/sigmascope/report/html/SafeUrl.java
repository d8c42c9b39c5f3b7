package org.sigmascope.report.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a text from a rule may become a link. Only absolute {@code http} and {@code https} URLs with a
 * host are linked; everything else ({@code javascript:}, {@code data:}, relative paths, text with spaces or
 * control characters) is shown as plain text. Links are never built from evidence, only from rule references.
 */
public final class SafeUrl {
    private static final int MAX_LENGTH = 2048;

    private SafeUrl() {
    }

    /** The URL as it may be written in an {@code href}, or empty when it must stay text. */
    public static Optional<String> http(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty() || uri.isOpaque()) {
                return Optional.empty();
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (!lower.equals("http") && !lower.equals("https")) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
