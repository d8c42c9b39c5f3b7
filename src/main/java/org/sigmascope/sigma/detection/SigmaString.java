package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Sigma string value with its wildcards: {@code *} any run of characters, {@code ?} exactly one.
 *
 * <p>Escaping (Sigma specification 2.1): a backslash before {@code *}, {@code ?} or {@code \} makes that
 * character literal; a backslash before anything else, or at the end, is a literal backslash. So Windows paths
 * such as {@code C:\Windows\System32\} need no escaping, {@code \\*} is a backslash then a wildcard, and
 * {@code \\\*} is a backslash then a literal {@code *}.
 *
 * <p>A value that a modifier derived from what the rule wrote (base64 of it, its windash variants, a placeholder's
 * value) carries that derived form as {@link #derived()}, so explanations can show what was really compared.
 */
public final class SigmaString implements SigmaValue {

    /** A piece of the value: literal text, a wildcard, or one character out of a set (windash's dashes). */
    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    public enum Wildcard implements Part { ANY_RUN, ANY_ONE }

    /** Exactly one character, any of {@code chars}. */
    public record AnyOf(String chars) implements Part {
    }

    private final List<Part> parts;
    private final String derived;
    private final boolean exact;

    private SigmaString(List<Part> parts, String derived, boolean exact) {
        this.parts = List.copyOf(parts);
        this.derived = derived;
        this.exact = exact;
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
                builder.part(Wildcard.ANY_RUN);
            } else if (c == '?') {
                builder.part(Wildcard.ANY_ONE);
            } else {
                builder.literal(c);
            }
        }
        return builder.build(null);
    }

    /** A value with no wildcards at all (numbers, encodings). */
    public static SigmaString literal(String text) {
        return new Builder().literal(text).build(null);
    }

    /** A value built from parts, with the derived form to show in explanations (or {@code null}). */
    public static SigmaString of(List<Part> parts, String derived) {
        Builder builder = new Builder();
        parts.forEach(builder::part);
        return builder.build(derived);
    }

    public List<Part> parts() {
        return parts;
    }

    /** What a modifier made of the rule's value (an encoding, a variant), or {@code null} when it is as written. */
    public String derived() {
        return derived;
    }

    /** This value, remembering that it is the derived form {@code shown} of what the rule wrote. */
    public SigmaString withDerived(String shown) {
        return new SigmaString(parts, shown, exact);
    }

    /**
     * Whether the value must be compared case-sensitively whatever the rule says: encodings such as base64, where
     * {@code cG93} and {@code CG93} stand for different bytes.
     */
    public boolean exact() {
        return exact;
    }

    public SigmaString withExact() {
        return new SigmaString(parts, derived, true);
    }

    /** Whether the value holds wildcards or character sets: then it cannot be encoded or used as a field name. */
    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> !(p instanceof Literal));
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
        return new SigmaString(copy, derived, exact);
    }

    /** This value with {@code *} added at the end unless already there ({@code startswith}, {@code contains}). */
    public SigmaString withTrailingAnyRun() {
        if (endsWithAnyRun()) {
            return this;
        }
        List<Part> copy = new ArrayList<>(parts);
        copy.add(Wildcard.ANY_RUN);
        return new SigmaString(copy, derived, exact);
    }

    /** This value with each literal part replaced by parts of the operation's making; wildcards stay. */
    public SigmaString flatMapLiterals(java.util.function.Function<String, List<Part>> operation, String shown) {
        Builder builder = new Builder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                operation.apply(literal.text()).forEach(builder::part);
            } else {
                builder.part(part);
            }
        }
        SigmaString built = builder.build(shown);
        return exact ? built.withExact() : built;
    }

    /** This value with each literal part's text transformed. */
    public SigmaString mapLiterals(UnaryOperator<String> operation) {
        return flatMapLiterals(text -> List.of(new Literal(operation.apply(text))), derived);
    }

    /** The text when the value is plain text (no wildcards); else {@code null}. */
    public String plainText() {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
            return literal.text();
        }
        return null;
    }

    /**
     * The value written back in Sigma syntax, escaping what needs it. A character set (never written by rules,
     * only made by {@code windash}) is shown as {@code [-/–—―]}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part == Wildcard.ANY_RUN) {
                text.append('*');
            } else if (part == Wildcard.ANY_ONE) {
                text.append('?');
            } else if (part instanceof AnyOf anyOf) {
                text.append('[').append(anyOf.chars()).append(']');
            } else {
                appendEscaped(text, ((Literal) part).text());
            }
        }
        return text.toString();
    }

    private static void appendEscaped(StringBuilder text, String literal) {
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

        Builder part(Part part) {
            if (part instanceof Literal l) {
                return literal(l.text());
            }
            flush();
            // "**" means the same as "*"; keeping one makes the value's shape easy to recognise.
            if (!(part == Wildcard.ANY_RUN && !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY_RUN)) {
                parts.add(part);
            }
            return this;
        }

        private void flush() {
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
        }

        SigmaString build(String derived) {
            flush();
            return new SigmaString(parts, derived, false);
        }
    }
}
