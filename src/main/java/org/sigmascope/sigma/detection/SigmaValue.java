package org.sigmascope.sigma.detection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A rule value on its way through the modifier chain, before it becomes a {@link ValueMatcher}. The YAML value
 * starts as a {@link SigmaString}, {@link Number}, {@link Bool} or {@link Null}; modifiers turn it into the other
 * kinds (pySigma's value types, {@code sigma/types.py}).
 */
public sealed interface SigmaValue permits SigmaString, SigmaValue.Null, SigmaValue.Number, SigmaValue.Bool,
        SigmaValue.Bytes, SigmaValue.Regex, SigmaValue.Cidr, SigmaValue.Compare, SigmaValue.Exists,
        SigmaValue.FieldRef, SigmaValue.TimePart, SigmaValue.Expansion {

    /** The YAML {@code null}: the field is absent or null. */
    record Null() implements SigmaValue {
    }

    /** A YAML number; it matches the event's text form unless a comparison modifier uses it as a number. */
    record Number(BigDecimal value, String text) implements SigmaValue {
    }

    /** A YAML boolean; it matches the event's text form ({@code true}/{@code false}) unless {@code exists} uses it. */
    record Bool(boolean value) implements SigmaValue {
    }

    /**
     * Encoded bytes ({@code utf16le}, {@code utf16be}, {@code utf16}) waiting for {@code base64}. Matched as is, each
     * byte is one character (ISO-8859-1).
     */
    record Bytes(byte[] bytes) implements SigmaValue {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String asLatin1() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + java.util.HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** A regular expression ({@code re}), searched for anywhere in the value, with its flags. */
    record Regex(String pattern, Set<RegexFlag> flags) implements SigmaValue {
        public Regex {
            flags = Set.copyOf(flags);
        }
    }

    enum RegexFlag { IGNORECASE, MULTILINE, DOTALL }

    /** An IPv4 or IPv6 network ({@code cidr}). */
    record Cidr(CidrNetwork network) implements SigmaValue {
    }

    /** A numeric comparison ({@code lt}, {@code lte}, {@code gt}, {@code gte}). */
    record Compare(CompareMatcher.Operator operator, BigDecimal number) implements SigmaValue {
    }

    /** Whether the field is present ({@code exists}), whatever its value. */
    record Exists(boolean exists) implements SigmaValue {
    }

    /**
     * Another field of the same event ({@code fieldref}), compared whole, or as prefix/suffix/substring after
     * {@code startswith}/{@code endswith}/{@code contains}.
     */
    record FieldRef(String field, boolean startsWith, boolean endsWith) implements SigmaValue {
    }

    /** A part of a date field equal to a number ({@code minute} … {@code year}). */
    record TimePart(TimePartMatcher.Part part, int value) implements SigmaValue {
    }

    /** Alternatives of which any may match: the three offsets of {@code base64offset}, a placeholder's values. */
    record Expansion(List<SigmaValue> values) implements SigmaValue {
        public Expansion {
            values = List.copyOf(values);
        }
    }
}
