package org.sigmascope.ingest.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes parsed JSON values back as compact JSON text (for nested objects kept whole as a field value). */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (value instanceof JsonDecimal decimal) {
            generator.writeNumber(decimal.text());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof JsonObject object) {
            generator.writeStartObject();
            for (int i = 0; i < object.size(); i++) {
                generator.writeFieldName(object.key(i));
                write(generator, object.value(i));
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(value.toString());
        }
    }
}
