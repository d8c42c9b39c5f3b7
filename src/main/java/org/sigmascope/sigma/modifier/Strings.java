package org.sigmascope.sigma.modifier;

import java.nio.charset.StandardCharsets;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/** The string view of values that have one, shared by the modifiers that work on text. */
final class Strings {
    private Strings() {
    }

    /** The value as a Sigma string (numbers and booleans by their text, bytes one character each), or {@code null}. */
    static SigmaString asString(SigmaValue value) {
        if (value instanceof SigmaString s) {
            return s;
        }
        if (value instanceof SigmaValue.Number n) {
            return SigmaString.literal(n.text());
        }
        if (value instanceof SigmaValue.Bool b) {
            return SigmaString.literal(Boolean.toString(b.value()));
        }
        if (value instanceof SigmaValue.Bytes bytes) {
            return SigmaString.literal(bytes.asLatin1()).withExact();
        }
        return null;
    }

    /** The value as a Sigma string, or a refusal naming the modifier. */
    static SigmaString requireString(SigmaValue value, String modifier, ModifierChain.Context context)
            throws ModifierException {
        SigmaString text = asString(value);
        if (text == null) {
            throw context.cannotApply(modifier, value);
        }
        return text;
    }

    /** The text of a value without wildcards, or a refusal: encodings and field names cannot hold wildcards. */
    static String requirePlain(SigmaValue value, String modifier, ModifierChain.Context context)
            throws ModifierException {
        String plain = requireString(value, modifier, context).plainText();
        if (plain == null) {
            throw new ModifierException("the modifier '" + modifier + "' cannot apply to a value with wildcards ('"
                    + value + "'); escape * and ? with a backslash if they are meant literally");
        }
        return plain;
    }

    /** The bytes an encoding modifier encodes: UTF-8 of text, or the bytes a utf16 modifier made. */
    static byte[] bytesOf(SigmaValue value, String modifier, ModifierChain.Context context) throws ModifierException {
        if (value instanceof SigmaValue.Bytes bytes) {
            return bytes.bytes();
        }
        return requirePlain(value, modifier, context).getBytes(StandardCharsets.UTF_8);
    }
}
