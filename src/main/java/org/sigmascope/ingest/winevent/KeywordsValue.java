package org.sigmascope.ingest.winevent;

import java.math.BigInteger;

/**
 * The Keywords mask as the EVTX flattening writes it: {@code 0x} and lower-case hexadecimal without padding
 * ({@code 0x8020000000000000}). Exports give it as a signed 64-bit number (NXLog), an unsigned one beyond
 * double precision (Velociraptor), or text; all are converted exactly.
 */
public final class KeywordsValue {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private KeywordsValue() {
    }

    public static String hex(Number number) {
        if (number instanceof BigInteger big) {
            BigInteger unsigned = big.signum() < 0 ? big.add(TWO_TO_64) : big;
            return "0x" + unsigned.toString(16);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short) {
            return "0x" + Long.toHexString(number.longValue());
        }
        // A double can no longer hold the mask exactly; say what it was rather than invent digits.
        return number.toString();
    }

    /** Hexadecimal text normalized to lower case; decimal text (signed or unsigned) converted; other text kept. */
    public static Object hex(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            try {
                return "0x" + Long.toHexString(Long.parseUnsignedLong(t.substring(2), 16));
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
            try {
                return hex(new BigInteger(t));
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }
}
