package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;
import org.sigmascope.task.Cancellation;

/**
 * The CSV is EvtxECmd's: byte-order mark, its 27 columns in order, CRLF rows, and a Payload that holds every
 * EventData value. (The round trip through our CSV reader joins {@link GeneratorRoundTripTest} when the reader
 * is merged.)
 */
class CsvLayoutTest {
    @TempDir
    Path dir;

    @Test
    void evtxecmdColumnsAndPayload() throws IOException {
        Capture capture = new Capture(OutputFormat.CSV.factory());
        Generator.run(GenerateOptions.of(2, 3_000, 3, OutputFormat.CSV, dir), capture, (d, t, m) -> { },
                Cancellation.NEVER);
        for (Map.Entry<Path, List<Capture.Written>> file : capture.files().entrySet()) {
            byte[] bytes = Files.readAllBytes(file.getKey());
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFFRecordNumber,EventRecordId,TimeCreated,EventId,Level,Provider,Channel,"
                    + "ProcessId,ThreadId,Computer,ChunkNumber,UserId,MapDescription,UserName,RemoteHost,PayloadData1,"
                    + "PayloadData2,PayloadData3,PayloadData4,PayloadData5,PayloadData6,ExecutableInfo,HiddenRecord,"
                    + "SourceFile,Keywords,ExtraDataOffset,Payload\r\n"), file.getKey().toString());
            List<List<String>> rows = rows(text.substring(1));
            assertEquals(file.getValue().size() + 1, rows.size());
            for (int i = 0; i < file.getValue().size(); i++) {
                check(file.getValue().get(i), rows.get(i + 1));
            }
        }
    }

    private static void check(Capture.Written written, List<String> row) throws IOException {
        SimEvent event = written.event();
        assertEquals(27, row.size());
        assertEquals(Long.toString(written.recordId()), row.get(1));
        assertEquals(Integer.toString(event.schema().eventId()), row.get(3));
        assertEquals(event.schema().channel().channelName(), row.get(6));
        assertEquals(event.computer(), row.get(9));
        JsonNode payload = JsonCodec.MAPPER.readTree(row.get(26));
        for (int i = 0; i < event.schema().fieldCount(); i++) {
            Field field = event.schema().fields().get(i);
            String expected = ValueText.evtxecmd(field.type(), event.values()[i]);
            assertEquals(expected, payloadValue(payload, field.name()), "record " + written.recordId() + " "
                    + field.name());
        }
    }

    private static String payloadValue(JsonNode payload, String name) {
        JsonNode data = payload.path("EventData").path("Data");
        for (JsonNode item : data) {
            if (item.path("@Name").asText().equals(name)) {
                return item.has("#text") ? item.get("#text").asText() : "";
            }
        }
        JsonNode userData = payload.path("UserData");
        return userData.elements().next().path(name).asText();
    }

    private static List<List<String>> rows(String text) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
