package org.sigmascope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Source;

/**
 * The case's JSON writer writes exactly what Jackson writes, for real events and for hostile text, since free-text
 * search looks for text escaped the same way in the stored JSON.
 */
class JsonTextTest {
    @Test
    void realEventsAreWrittenAsJacksonWritesThem() throws IOException {
        List<Event> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Corpus.path("sigma/regression"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                new JsonEvidenceReader().read(ReadRequest.of(new Source(1, file, file.toString(), "json"),
                        ReadOptions.defaults()), events::add);
            }
        }
        assertTrue(events.size() > 50, "the corpus gave " + events.size() + " events");
        JsonText json = new JsonText();
        for (Event event : events) {
            String expected = JsonCodec.fieldsText(event.fields());
            assertEquals(expected, json.object(event.fields()));
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), json.utf8(event.fields()));
        }
    }

    @Test
    void hostileTextIsEscapedAsJacksonEscapesIt() throws IOException {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        Fields fields = Fields.builder()
                .put("quote\"name", "say \"hi\" \\ C:\\Windows\\")
                .put("controls", controls.toString() + "\u007f\u2028\ud83d\ude00 é")
                .put("number", 42L).put("zero", 0L).put("negative", -9_007_199_254_740_993L)
                .put("min", Long.MIN_VALUE).put("max", Long.MAX_VALUE).put("real", 1.5e300).put("small", -0.25).put("flag", true).put("none", null)
                .put("list", Arrays.asList("a", 1L, null, List.of("nested")))
                .put("", "")
                .build();
        String written = new JsonText().object(fields);
        assertEquals(JsonCodec.fieldsText(fields), written);
        assertArrayEquals(written.getBytes(StandardCharsets.UTF_8), new JsonText().utf8(fields));
        // An unpaired surrogate is encoded as String.getBytes encodes it, so the bytes are always valid UTF-8.
        Fields broken = Fields.builder().put("half", "a\ud83db\ude00").put("long", "x".repeat(5000) + "é").build();
        assertArrayEquals(new JsonText().object(broken).getBytes(StandardCharsets.UTF_8),
                new JsonText().utf8(broken));
        assertTrue(new String(new JsonText().utf8(broken), StandardCharsets.UTF_8).startsWith("{\"half\":\"a?b?\","));
        assertEquals(fields, JsonCodec.parseFields(written));
        assertEquals("a\\\"b\\\\c\\n\\u0001", JsonText.escaped("a\"b\\c\n\u0001"));
    }
}
