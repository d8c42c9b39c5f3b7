package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value with its wildcards: {@code *} any run of characters, {@code ?} exactly one.
 *
 * <p>Escaping (Sigma specification 2.1): a backslash before {@code *}, {@code ?} or {@code \} makes that
 * character literal; a backslash before anything else, or at the end, is a literal backslash. So Windows paths
 * such as {@code C:\Windows\System32\} need no escaping, {@code \\*} is a backslash then a wildcard, and
 * {@code \\\*} is a backslash then a literal {@code *}.
 */
public final class SigmaString implements SigmaValue {

    /** A piece of the value: literal text or a wildcard. */
    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    public enum Wildcard implements Part { ANY_RUN, ANY_ONE }

    private final List<Part> parts;

    private SigmaString(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Parses rule text, interpreting wildcards and escapes. */
    public static SigmaString parse(String text) {
        Builder builder = new Builder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char following = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (following == '*' || following == '?' || following == '\\') {
                    builder.literal(following);
                    i++;
                } else {
                    builder.literal('\\');
                }
            } else if (c == '*') {
                builder.wildcard(Wildcard.ANY_RUN);
            } else if (c == '?') {
                builder.wildcard(Wildcard.ANY_ONE);
            } else {
                builder.literal(c);
            }
        }
        return builder.build();
    }

    /** A value with no wildcards at all (base64 output, numbers). */
    public static SigmaString literal(String text) {
        return new Builder().literal(text).build();
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    public boolean startsWithAnyRun() {
        return !parts.isEmpty() && parts.get(0) == Wildcard.ANY_RUN;
    }

    public boolean endsWithAnyRun() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY_RUN;
    }

    /** This value with {@code *} added at the start unless already there ({@code endswith}, {@code contains}). */
    public SigmaString withLeadingAnyRun() {
        if (startsWithAnyRun()) {
            return this;
        }
        List<Part> copy = new ArrayList<>(parts.size() + 1);
        copy.add(Wildcard.ANY_RUN);
        copy.addAll(parts);
        return new SigmaString(copy);
    }

    /** This value with {@code *} added at the end unless already there ({@code startswith}, {@code contains}). */
    public SigmaString withTrailingAnyRun() {
        if (endsWithAnyRun()) {
            return this;
        }
        List<Part> copy = new ArrayList<>(parts);
        copy.add(Wildcard.ANY_RUN);
        return new SigmaString(copy);
    }

    /** The text between wildcards, when the value is plain text (no wildcards); else {@code null}. */
    public String plainText() {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
            return literal.text();
        }
        return null;
    }

    /** The value written back in Sigma syntax, escaping what needs it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part == Wildcard.ANY_RUN) {
                text.append('*');
            } else if (part == Wildcard.ANY_ONE) {
                text.append('?');
            } else {
                String literal = ((Literal) part).text();
                for (int i = 0; i < literal.length(); i++) {
                    char c = literal.charAt(i);
                    if (c == '*' || c == '?') {
                        text.append('\\');
                    } else if (c == '\\' && (i + 1 == literal.length() || "*?\\".indexOf(literal.charAt(i + 1)) >= 0)) {
                        // a backslash that would otherwise escape what follows it must itself be escaped
                        text.append('\\');
                    }
                    text.append(c);
                }
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    private static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();

        Builder literal(char c) {
            literal.append(c);
            return this;
        }

        Builder literal(String text) {
            literal.append(text);
            return this;
        }

        Builder wildcard(Wildcard wildcard) {
            flush();
            // "**" means the same as "*"; keeping one makes the value's shape easy to recognise.
            if (!(wildcard == Wildcard.ANY_RUN && !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY_RUN)) {
                parts.add(wildcard);
            }
            return this;
        }

        private void flush() {
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
        }

        SigmaString build() {
            flush();
            return new SigmaString(parts);
        }
    }
}
