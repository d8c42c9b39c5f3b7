package org.sigmascope.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;

import org.sigmascope.model.Fields;

/**
 * Writes an event's fields as the JSON object the case keeps, the shape of {@code JsonCodec.fields}, with a
 * streaming generator rather than a tree: the import writes millions of them. Not thread-safe; one per writer.
 */
final class FieldsJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final BufferRecycler recycler = new BufferRecycler();

    String write(Fields fields) {
        SegmentedStringWriter out = new SegmentedStringWriter(recycler);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (int i = 0; i < fields.size(); i++) {
                generator.writeFieldName(fields.name(i));
                value(generator, fields.value(i));
            }
            generator.writeEndObject();
            generator.flush();
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                value(generator, item);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(value.toString());
        }
    }
}
