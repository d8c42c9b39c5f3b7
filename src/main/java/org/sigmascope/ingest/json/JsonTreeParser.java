package org.sigmascope.ingest.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** Parses one framed record (the bytes of one JSON object) into a {@link JsonObject}, with Jackson streaming. */
final class JsonTreeParser {
    private static final int MAX_DEPTH = 200;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private JsonTreeParser() {
    }

    /** Parses {@code bytes[start, end)}, which must hold exactly one object. */
    static JsonObject parse(byte[] bytes, int start, int end) throws IOException {
        return parse(bytes, start, end, false);
    }

    /**
     * Parses {@code bytes[start, end)}, which must hold exactly one object; with {@code checkEnd}, fails when
     * anything but white space follows it (a line framed by its line break alone may hold more).
     */
    static JsonObject parse(byte[] bytes, int start, int end, boolean checkEnd) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "expected a JSON object");
            }
            // The framer ends a slice it framed byte by byte at the object's closing brace: nothing follows it.
            JsonObject object = readObject(parser);
            if (checkEnd && parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "more than one JSON value");
            }
            return object;
        }
    }

    /** The fast path for {@link #parse(String)}, one per thread (the readers that call it run on any thread). */
    private static final ThreadLocal<ByteJsonParser> FAST = ThreadLocal.withInitial(ByteJsonParser::new);

    /**
     * Parses JSON text that holds one object (a JSON document inside a field: Log Analytics' EventData, EvtxECmd's
     * Payload), by the fast path when it can, else by Jackson.
     */
    static JsonObject parse(String text) throws IOException {
        JsonObject object = FAST.get().parse(text);
        return object != null ? object : parseWithJackson(text);
    }

    /** {@link #parse(String)} by Jackson alone; for tests that compare the two paths. */
    static JsonObject parseWithJackson(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "expected a JSON object");
            }
            return readObject(parser);
        }
    }

    private static JsonObject readObject(JsonParser parser) throws IOException {
        JsonObject object = new JsonObject(16);
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.add(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of the record");
        }
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getBigIntegerValue();
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return new JsonDecimal(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, next));
                }
                return items;
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        }
    }
}
