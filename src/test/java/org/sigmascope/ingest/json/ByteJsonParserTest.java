package org.sigmascope.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/**
 * The fast JSON path against Jackson's, record by record: what it accepts it must read exactly as Jackson does;
 * what it is unsure of it must leave to Jackson ({@code null}), never read differently.
 */
class ByteJsonParserTest {
    private final ByteJsonParser fast = new ByteJsonParser();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses with both paths, asserts the fast one accepted and agrees, and returns its tree. */
    private JsonObject same(byte[] bytes) throws IOException {
        JsonObject quick = fast.parse(bytes, 0, bytes.length);
        assertNotNull(quick, "the fast path should read " + new String(bytes, StandardCharsets.UTF_8));
        JsonObject jackson = JsonTreeParser.parse(bytes, 0, bytes.length, true);
        assertNull(JsonTrees.difference(quick, jackson, "$"));
        return quick;
    }

    private JsonObject same(String json) throws IOException {
        return same(utf8(json));
    }

    /** Asserts the fast path leaves the record to Jackson. */
    private void leftToJackson(byte[] bytes) {
        assertNull(fast.parse(bytes, 0, bytes.length), () -> "the fast path should leave to Jackson: "
                + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsEveryValueTypeAsJacksonDoes() throws IOException {
        JsonObject o = same("{\"s\":\"text\",\"i\":42,\"neg\":-7,\"zero\":0,\"negzero\":-0,\"max\":9223372036854775807,"
                + "\"min\":-9223372036854775808,\"big\":9223372036854775808,\"bigneg\":-9223372036854775809,"
                + "\"d\":1.5,\"e\":1e5,\"E\":-1.25E-3,\"ep\":2E+10,\"t\":true,\"f\":false,\"n\":null,"
                + "\"o\":{\"a\":{}},\"l\":[1,\"x\",[],{\"k\":[null]}],\"empty\":\"\"}");
        assertEquals(42L, o.get("i"));
        assertEquals(Long.MIN_VALUE, o.get("min"));
        assertEquals(new BigInteger("9223372036854775808"), o.get("big"));
        assertEquals(new JsonDecimal("-1.25E-3"), o.get("E"));
        assertTrue(o.has("n"));
        same("{}");
        same(" \t{ \"a\" :\r\n [ 1 , 2 ] }\r\n ");
    }

    @Test
    void decodesEscapesAndUtf8AsJacksonDoes() throws IOException {
        JsonObject o = same("{\"a\":\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\",\"k\\u00e9y\":1,"
                + "\"caf\u00e9\":\"\u00e9\u20ac\u4e2d\",\"x\":\"C:\\\\Windows\\\\System32\"}");
        assertEquals("q\"b\\s/\b\f\n\r\tA\u00e9\u00e9", o.get("a"));
        assertEquals(1L, o.get("k\u00e9y"));
        assertEquals("\u00e9\u20ac\u4e2d", o.get("caf\u00e9"));
        assertEquals("C:\\Windows\\System32", o.get("x"));
    }

    @Test
    void keepsSurrogatesAsJacksonDoes() throws IOException {
        JsonObject o = same("{\"pair\":\"\\ud83d\\ude00\",\"raw\":\"\ud83d\ude00\",\"lone\":\"a\\ud800b\","
                + "\"low\":\"\\udc00\",\"reversed\":\"\\ude00\\ud83d\"}");
        assertEquals("\ud83d\ude00", o.get("pair"));
        assertEquals("\ud83d\ude00", o.get("raw"));
        assertEquals("a\ud800b", o.get("lone"));
    }

    @Test
    void leavesInvalidUtf8AndControlCharactersToJackson() throws IOException {
        byte[][] invalid = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},             // a missing continuation
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},     // overlong
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}, // > U+10FFFF
            {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},     // cut short
            {'{', '"', 'a', '"', ':', '"', 0x01, '"', '}'},                         // a raw control character
            {'{', '"', 'a', '"', ':', '"', '\t', '"', '}'},
            {'{', '"', (byte) 0xC3, '"', ':', '1', '}'},
        };
        for (byte[] bytes : invalid) {
            leftToJackson(bytes);
        }
        // What Jackson makes of them is its own business; the reader gives its result or its error, as before.
        assertThrows(JsonProcessingException.class, () -> JsonTreeParser.parse(invalid[0], 0, invalid[0].length, true));
    }

    @Test
    void leavesEverythingButStrictJsonToJackson() {
        for (String json : List.of("{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1e}",
                "{\"a\":1.5.2}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
                "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\" 1}", "{'a':1}", "{a:1}", "{\"a\":1}x", "{\"a\":1} {}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"open}", "{\"a\":1",
                "[{\"a\":1}]", "\"text\"", "", "   ", "{\"a\":1]", "{\"a\":[1}", "{\"a\":12abc}")) {
            leftToJackson(utf8(json));
        }
        StringBuilder number = new StringBuilder("{\"a\":");
        number.append("1".repeat(1500)).append('}');
        leftToJackson(utf8(number.toString()));
    }

    @Test
    void readsOnlyItsSliceOfTheBuffer() throws IOException {
        byte[] bytes = utf8("xx{\"a\":\"b\"}{\"c\":\"d\"}yy");
        JsonObject o = fast.parse(bytes, 2, 11);
        assertEquals("b", o.get("a"));
        // A string cut by the end of the slice is not completed from the bytes after it.
        assertNull(fast.parse(bytes, 2, 8));
        assertNull(fast.parse(utf8("{\"a\":\"b\"}"), 0, 5));
        assertNull(fast.parse(utf8("{\"a\":true}"), 0, 8));
        same("{\"a\":\"b\"}");
    }

    @Test
    void leavesNestingBeyondItsBoundToJackson() throws IOException {
        same(nested(ByteJsonParser.MAX_DEPTH));
        byte[] deeper = utf8(nested(ByteJsonParser.MAX_DEPTH + 1));
        leftToJackson(deeper);
        assertNotNull(JsonTreeParser.parse(deeper, 0, deeper.length, true)); // Jackson still reads it
        byte[] hostile = utf8(nested(100_000));
        leftToJackson(hostile); // no stack overflow: the bound is checked before descending
        assertThrows(JsonProcessingException.class, () -> JsonTreeParser.parse(hostile, 0, hostile.length, true));
        leftToJackson(utf8("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
    }

    /** An object {@code depth} objects deep, with a list at each level. */
    private static String nested(int depth) {
        return "{\"l\":[1],\"a\":".repeat(depth - 1) + "{\"v\":1}" + "}".repeat(depth - 1);
    }

    @Test
    void readsHugeLinesAndManyDistinctKeys() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"script\":\""));
        for (int i = 0; i < 200_000; i++) {
            out.writeBytes(utf8("Write-Host \\\"line " + i + "\\\" \u00e9\\n"));
        }
        out.writeBytes(utf8("\""));
        for (int i = 0; i < 5_000; i++) {
            out.writeBytes(utf8(",\"key" + i + "_" + "x".repeat(i % 80) + "\":" + i));
        }
        out.writeBytes(utf8("}"));
        JsonObject o = same(out.toByteArray());
        assertEquals(5_001, o.size());
        assertTrue(((String) o.get("script")).endsWith("\"line 199999\" \u00e9\n"));
        // The same keys again, from the bounded cache or not, still read right.
        assertEquals(5_001, same(out.toByteArray()).size());
    }

    @Test
    void parsesJsonTextInsideFieldsAsJacksonDoes() throws IOException {
        String text = "{\"EventData\":{\"Data\":[{\"@Name\":\"Image\",\"#text\":\"C:\\\\x\u00e9.exe\"}]}}";
        assertNull(JsonTrees.difference(fast.parse(text), JsonTreeParser.parseWithJackson(text), "$"));
        assertNull(fast.parse("{\"a\":\"\ud800\"}"), "a lone surrogate in the text goes to Jackson, which keeps it");
        assertEquals("\ud800", JsonTreeParser.parse("{\"a\":\"\ud800\"}").get("a"));
        assertEquals(1L, JsonTreeParser.parse("{\"a\":1} trailing").get("a"), "Jackson's leniency is kept");
    }
}
