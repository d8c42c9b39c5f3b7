package org.sigmascope.sigma.modifier;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code base64offset}: the value as it appears inside any base64 text, whatever its byte offset: for i in 0..2,
 * encode i spaces then the value, and keep only the characters that do not depend on the bytes around it (cut
 * {@code [(0,2,3)[i] : (None,-3,-2)[(len+i) % 3]]}, pySigma's {@code SigmaBase64OffsetModifier}). Nearly always
 * followed by {@code contains}. Compared case-sensitively, like {@code base64}.
 */
final class Base64Offset implements Modifier {
    private static final int[] START = {0, 2, 3};
    private static final int[] END_CUT = {0, 3, 2};

    @Override
    public String name() {
        return "base64offset";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        byte[] data = Strings.bytesOf(value, name(), context);
        List<SigmaValue> offsets = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[i + data.length];
            java.util.Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(data, 0, shifted, i, data.length);
            String encoded = java.util.Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - END_CUT[(data.length + i) % 3];
            String trimmed = encoded.substring(Math.min(START[i], end), end);
            offsets.add(SigmaString.literal(trimmed).withDerived(trimmed).withExact());
        }
        return new SigmaValue.Expansion(offsets);
    }
}
