package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code base64}: the value, base64-encoded (its UTF-8 bytes, or the bytes a {@code utf16*} modifier made).
 * Wildcards are refused. The encoding is compared case-sensitively, since base64 letters of different case
 * stand for different bytes.
 */
final class Base64 implements Modifier {
    @Override
    public String name() {
        return "base64";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        String encoded = java.util.Base64.getEncoder().encodeToString(Strings.bytesOf(value, name(), context));
        return SigmaString.literal(encoded).withDerived(encoded).withExact();
    }
}
