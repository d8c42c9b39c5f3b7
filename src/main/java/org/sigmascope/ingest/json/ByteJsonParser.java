package org.sigmascope.ingest.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link JsonTreeParser}: parses one framed record straight from its UTF-8 bytes into a
 * {@link JsonObject}, with the values Jackson's path gives (strings, {@link Long} or {@link BigInteger} integers,
 * {@link JsonDecimal} for numbers with a fraction or exponent, booleans, nulls, objects, lists), but without
 * Jackson's per-record parser, token stream and symbol table. Plain ASCII strings are made with one copy; keys come
 * from a {@link NameCache}.
 *
 * <p>It accepts strict JSON only, and nothing it is unsure of: anything else (a syntax error, invalid UTF-8, a
 * control character in a string, nesting deeper than {@value #MAX_DEPTH}, a very long number, text after the
 * object) makes it answer {@code null}, and the caller parses the record with Jackson, which reads it or reports
 * its error with its line exactly as before. So the fast path changes speed, never results or messages.
 * Not thread-safe: one per reader.
 */
final class ByteJsonParser {
    /** Deeper records go to Jackson (whose own limit is 200), so this parser's recursion stays shallow. */
    static final int MAX_DEPTH = 64;
    /** Longer numbers go to Jackson, which has its own limit (1000 digits) and error. */
    private static final int MAX_NUMBER = 200;

    /** Bytes that end a run of plain string content: quote, backslash, control characters, non-ASCII. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            SPECIAL[b] = b < 0x20 || b >= 0x80 || b == '"' || b == '\\';
        }
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROLS = ONES * 0x20;

    /** Thrown to abandon the fast path; preallocated and without a stack trace, since it is control flow. */
    private static final class Unhandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unhandled() {
            super("not handled by the fast path", null, false, false);
        }
    }

    private static final Unhandled UNHANDLED = new Unhandled();

    private static final String[] NO_KEYS = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    private final NameCache names = new NameCache();
    /** Keys and values of the objects being parsed, from the outermost; {@link #top} is the first free slot. */
    private String[] keyStack = new String[64];
    private Object[] valueStack = new Object[64];
    private int top;
    private int highWater;
    private final Utf8Strings strings = new Utf8Strings();
    private byte[] b;
    private int p;
    private int end;

    /** The object in {@code bytes[start, end)} (white space around it allowed), or {@code null} for Jackson. */
    JsonObject parse(byte[] bytes, int start, int end) {
        this.b = bytes;
        this.p = start;
        this.end = end;
        this.top = 0;
        try {
            if (skipSpace() != '{') {
                return null;
            }
            p++;
            JsonObject object = object(1);
            if (p < end && skipSpace() != -1) {
                return null; // something after the object: Jackson says what
            }
            return object;
        } catch (Unhandled | ArrayIndexOutOfBoundsException e) {
            return null;
        } finally {
            this.b = null;
            Arrays.fill(valueStack, 0, Math.max(highWater, top), null); // the record's values are not kept alive
            highWater = 0;
        }
    }

    /** The object in JSON text (a document inside a field), or {@code null} for Jackson. */
    JsonObject parse(String text) {
        if (hasSurrogate(text)) {
            return null; // encoding would replace a lone surrogate that Jackson keeps; rare, so all go to Jackson
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The next byte that is not JSON white space, left at {@link #p}; -1 at the end. */
    private int skipSpace() {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            p++;
        }
        return -1;
    }

    /**
     * An object whose opening brace was just consumed. Its keys and values gather on a stack shared by all depths
     * and are copied into arrays of the exact size at the end: no growing, no unused slots.
     */
    private JsonObject object(int depth) {
        int base = top;
        int c = skipSpace();
        if (c == '}') {
            p++;
            return new JsonObject(NO_KEYS, NO_VALUES);
        }
        while (true) {
            if (c != '"') {
                throw UNHANDLED;
            }
            p++;
            String key = key();
            if (skipSpace() != ':') {
                throw UNHANDLED;
            }
            p++;
            Object value = value(skipSpace(), depth);
            if (top == keyStack.length) {
                keyStack = Arrays.copyOf(keyStack, top * 2);
                valueStack = Arrays.copyOf(valueStack, top * 2);
            }
            keyStack[top] = key;
            valueStack[top] = value;
            top++;
            c = skipSpace();
            p++;
            if (c == '}') {
                int size = top - base;
                String[] keys = Arrays.copyOfRange(keyStack, base, top);
                Object[] values = Arrays.copyOfRange(valueStack, base, top);
                highWater = Math.max(highWater, top);
                top = base;
                return size == 0 ? new JsonObject(NO_KEYS, NO_VALUES) : new JsonObject(keys, values);
            }
            if (c != ',') {
                throw UNHANDLED;
            }
            c = skipSpace();
        }
    }

    private List<Object> array(int depth) {
        List<Object> items = new ArrayList<>();
        int c = skipSpace();
        if (c == ']') {
            p++;
            return items;
        }
        while (true) {
            items.add(value(c, depth));
            c = skipSpace();
            p++;
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw UNHANDLED;
            }
            c = skipSpace();
        }
    }

    /** The value starting with {@code c} at {@link #p}. */
    private Object value(int c, int depth) {
        switch (c) {
            case '"':
                p++;
                return string();
            case '{':
                if (depth >= MAX_DEPTH) {
                    throw UNHANDLED;
                }
                p++;
                return object(depth + 1);
            case '[':
                if (depth >= MAX_DEPTH) {
                    throw UNHANDLED;
                }
                p++;
                return array(depth + 1);
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw UNHANDLED;
        }
    }

    private void literal(String word) {
        if (p + word.length() > end) {
            throw UNHANDLED;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) {
                throw UNHANDLED;
            }
        }
        p += word.length();
        if (p < end && isWordByte(b[p])) {
            throw UNHANDLED; // "nullx": Jackson's error
        }
    }

    private static boolean isWordByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
    }

    /** A key whose opening quote was consumed: from the cache when plain ASCII, else decoded. */
    private String key() {
        int start = p;
        int q = plainEnd(b, start, end);
        if (q < end && b[q] == '"') {
            p = q + 1;
            return names.name(b, start, q);
        }
        return string();
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that is not plain string content (a quote, a
     * backslash, a control character or a non-ASCII byte), or {@code to}: eight bytes at a time. In each test the
     * lowest flagged byte is exact (a borrow only flags bytes above a true match), which is the one wanted.
     */
    static int plainEnd(byte[] bytes, int from, int to) {
        int p = from;
        for (; p + 8 <= to; p += 8) {
            long x = (long) WORDS.get(bytes, p);
            long quotes = x ^ QUOTES;
            long backslashes = x ^ BACKSLASHES;
            long found = ((x - CONTROLS) & ~x | (quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | x)
                    & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (p < to && !SPECIAL[bytes[p] & 0xff]) {
            p++;
        }
        return p;
    }

    /** A string whose opening quote was consumed. */
    private String string() {
        int start = p;
        byte[] bytes = b;
        int q = plainEnd(bytes, start, end);
        if (q == end) {
            throw UNHANDLED;
        }
        if (bytes[q] == '"') {
            p = q + 1;
            return new String(bytes, start, q - start, StandardCharsets.ISO_8859_1);
        }
        int close = strings.decode(bytes, start, q, end);
        if (close < 0) {
            throw UNHANDLED;
        }
        p = close + 1;
        return strings.text();
    }

    /** A number: {@link Long}, {@link BigInteger} beyond 64 bits, {@link JsonDecimal} with a fraction or exponent. */
    private Object number() {
        int start = p;
        boolean negative = b[p] == '-';
        if (negative) {
            p++;
        }
        int digitsStart = p;
        if (p >= end || !isDigit(b[p])) {
            throw UNHANDLED;
        }
        if (b[p] == '0' && p + 1 < end && isDigit(b[p + 1])) {
            throw UNHANDLED; // a leading zero: Jackson's error
        }
        long value = 0;
        while (p < end && isDigit(b[p])) {
            value = value * 10 + (b[p] - '0');
            p++;
        }
        int digits = p - digitsStart;
        boolean decimal = false;
        if (p < end && b[p] == '.') {
            decimal = true;
            p++;
            requireDigits();
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            decimal = true;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            requireDigits();
        }
        if (p - start > MAX_NUMBER || (p < end && isWordByte(b[p])) || (p < end && b[p] == '.')) {
            throw UNHANDLED;
        }
        if (decimal) {
            return new JsonDecimal(new String(b, start, p - start, StandardCharsets.ISO_8859_1));
        }
        if (digits <= 18) {
            return negative ? -value : value;
        }
        BigInteger big = new BigInteger(new String(b, start, p - start, StandardCharsets.ISO_8859_1));
        return big.bitLength() <= 63 ? (Object) big.longValue() : big;
    }

    private void requireDigits() {
        if (p >= end || !isDigit(b[p])) {
            throw UNHANDLED;
        }
        while (p < end && isDigit(b[p])) {
            p++;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
