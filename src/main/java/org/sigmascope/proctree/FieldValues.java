package org.sigmascope.proctree;

import org.sigmascope.model.Fields;

/**
 * Process ids, logon ids and text out of event fields, in the forms exports give them: numbers, decimal text, or
 * {@code 0x} hex text (the Security log writes process and logon ids in hex).
 */
final class FieldValues {
    static final long INVALID = -2;

    private FieldValues() {
    }

    /**
     * A process id: {@link ProcessClaims#NO_PID} when the field is absent or empty, {@link #INVALID} when it holds
     * something that is not a 32-bit process id.
     */
    static long pid(Fields fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return ProcessClaims.NO_PID;
        }
        long n = number(value);
        if (n == INVALID || n == ProcessClaims.NO_PID) {
            return n;
        }
        return n <= 0xFFFF_FFFFL ? n : INVALID;
    }

    /** A logon id (LUID), or {@link ProcessClaims#NO_LOGON}; Windows writes 0x0 for "none given". */
    static long logon(Fields fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return ProcessClaims.NO_LOGON;
        }
        long n = number(value);
        return n == INVALID || n == ProcessClaims.NO_PID || n == 0 ? ProcessClaims.NO_LOGON : n;
    }

    /** The number in a value, {@code -1} for empty text or {@code -}, {@link #INVALID} for anything else. */
    private static long number(Object value) {
        if (value instanceof Long l) {
            return l < 0 ? INVALID : l;
        }
        if (value instanceof Double d) {
            return d >= 0 && d == Math.rint(d) && d < 9.0e18 ? d.longValue() : INVALID;
        }
        if (!(value instanceof String s)) {
            return INVALID;
        }
        return parse(s);
    }

    /** Decimal or {@code 0x} hex text, surrounded by any white space; parsed in place, as every event has some. */
    static long parse(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to || to - from == 1 && s.charAt(from) == '-') {
            return ProcessClaims.NO_PID;
        }
        int radix = 10;
        if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            radix = 16;
            from += 2;
        }
        if (to - from > (radix == 16 ? 16 : 18)) {
            return INVALID;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0) {
                return INVALID;
            }
            n = n * radix + digit;
        }
        return n < 0 ? INVALID : n;
    }

    /** The text of a field, {@code null} when absent, empty or {@code -}. */
    static String text(Fields fields, String name) {
        String text = Fields.textOf(fields.get(name));
        return text == null || text.isEmpty() || text.equals("-") ? null : text;
    }

    /** The account as domain, backslash, user; or the user alone; or {@code null}. */
    static String account(Fields fields, String domainField, String userField) {
        String user = text(fields, userField);
        if (user == null) {
            return null;
        }
        String domain = text(fields, domainField);
        return domain == null ? user : domain + "\\" + user;
    }
}
