package org.sigmascope.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.winevent.ElementFlattener;
import org.sigmascope.ingest.winevent.ElementNode;
import org.sigmascope.model.Fields;

/** EvtxECmd's usual payload, put straight, gives what the element tree and its flattening give. */
class XmlAsJsonTest {
    private static Fields byElements(String json) throws IOException {
        Fields.Builder out = Fields.builder();
        for (ElementNode part : XmlAsJson.parse(json).children()) {
            if (part.name().equals("EventData")) {
                ElementFlattener.flattenEventData(part, out);
            } else {
                ElementFlattener.flattenElement("", part.name(), part, out);
            }
        }
        return out.build();
    }

    @Test
    void namedDataIsPutAsTheElementsWouldBe() throws IOException {
        for (String json : List.of(
                "{\"EventData\":{\"Data\":[{\"@Name\":\"Image\",\"#text\":\"C:\\\\x.exe\"},{\"@Name\":\"Empty\"},"
                        + "{\"#text\":null,\"@Name\":\"Null\"},{\"@Name\":\"Image\",\"#text\":\"again\"}]}}",
                "{\"EventData\":{\"Data\":{\"@Name\":\"Only\",\"#text\":\"one\"}}}",
                "{\"EventData\":{\"Data\":[]}}")) {
            Fields.Builder direct = Fields.builder();
            assertTrue(XmlAsJson.putNamedData(XmlAsJson.read(json), direct), json);
            assertEquals(byElements(json), direct.build(), json);
        }
    }

    @Test
    void anyOtherPayloadIsLeftToTheElements() throws IOException {
        for (String json : List.of(
                "{\"EventData\":{\"Data\":[{\"#text\":\"unnamed\"}]}}",
                "{\"EventData\":{\"Data\":[{\"@Name\":\"A\",\"#text\":[\"mixed\",\"text\"]}]}}",
                "{\"EventData\":{\"Data\":[{\"@Name\":\"A\",\"#text\":\"x\",\"@Other\":\"y\"}]}}",
                "{\"EventData\":{\"@xmlns\":\"x\",\"Data\":[{\"@Name\":\"A\",\"#text\":\"x\"}]}}",
                "{\"EventData\":{\"Data\":[{\"@Name\":1,\"#text\":\"x\"}]}}",
                "{\"EventData\":{\"Data\":[{\"@Name\":\"A\",\"#text\":\"x\"}],\"Binary\":\"00\"}}",
                "{\"UserData\":{\"Inner\":{\"A\":\"x\"}}}",
                "{\"EventData\":{\"Data\":[\"text\"]}}")) {
            Fields.Builder direct = Fields.builder();
            assertFalse(XmlAsJson.putNamedData(XmlAsJson.read(json), direct), json);
            assertEquals(0, direct.size(), json);
        }
    }
}
