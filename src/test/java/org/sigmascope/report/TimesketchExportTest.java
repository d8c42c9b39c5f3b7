package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.report.export.TimesketchJsonlWriter;

/**
 * Timesketch imports JSONL whose every line has {@code message}, {@code datetime} (ISO 8601) and
 * {@code timestamp_desc} (its "Create timeline from JSON or CSV" guide); the rest are attributes.
 */
class TimesketchExportTest {
    @Test
    void everyLineHasTimesketchsRequiredFieldsAndTheEventsFields() throws IOException {
        ReportFixtures.Scan scan = ReportFixtures.deepBlue();
        StringWriter out = new StringWriter();
        long skipped = ReportExporter.writeEvents(scan.events(), e -> CsvExportsTest.detectionsOn(scan.data(), e),
                ReportExporter.timesketch(out, scan.data()::sourceName));
        List<String> lines = out.toString().lines().toList();
        assertEquals(scan.events().size() - skipped, lines.size());
        assertEquals(0, skipped, "every corpus event has a time");
        int withSigma = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JsonCodec.MAPPER.readTree(lines.get(i));
            Event event = scan.events().get(i);
            assertTrue(line.path("message").isTextual() && !line.path("message").asText().isBlank(), lines.get(i));
            assertEquals("Event Recorded", line.path("timestamp_desc").asText());
            OffsetDateTime datetime = OffsetDateTime.parse(line.path("datetime").asText());
            assertEquals(event.timestamp().getEpochSecond(), datetime.toEpochSecond());
            assertEquals(event.timestamp().getNano() / 1000, datetime.getNano() / 1000);
            Instant fromMicros = Instant.EPOCH.plusNanos(line.path("timestamp").asLong() * 1000);
            assertEquals(datetime.toInstant(), fromMicros, "timestamp (µs) and datetime agree");
            assertEquals(event.computer(), line.path("computer_name").asText());
            assertEquals(event.eventId(), line.path("event_identifier").asInt());
            for (String name : event.fields().names()) {
                String key = line.has("field_" + name) ? "field_" + name : name;
                assertTrue(line.has(key), "field " + name + " missing");
                String text = Fields.textOf(event.fields().get(name));
                assertEquals(text, line.get(key).isNull() ? null : line.get(key).asText());
            }
            if (line.has("sigma_rules")) {
                withSigma++;
                assertTrue(line.path("message").asText().startsWith("Sigma: "));
            }
        }
        assertEquals(scan.data().detections().stream().map(d -> d.event().id()).distinct().count(), withSigma);
    }

    @Test
    void fieldsThatCollideWithTimesketchsAreRenamedAndTimelessEventsAreCounted() throws IOException {
        Fields fields = Fields.builder().put("message", "from the evidence").put("datetime", "not a time")
                .put("Image", "C:\\x.exe").build();
        Event timed = new Event(1, 1, 9, Instant.parse("2024-01-02T03:04:05.1234567Z"), "PC", "Security", "p",
                4688, 0, fields, 0, false);
        Event timeless = new Event(2, 1, 10, null, "PC", "Security", "p", 4688, 0, fields, 0, false);
        StringWriter out = new StringWriter();
        long skipped = ReportExporter.writeEvents(List.of(timed, timeless), e -> List.of(),
                new TimesketchJsonlWriter(out, id -> "x.evtx"));
        assertEquals(1, skipped);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(JsonCodec.MAPPER.readTree(line));
        }
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals("2024-01-02T03:04:05.123456+00:00", line.path("datetime").asText());
        assertEquals(1704164645123456L, line.path("timestamp").asLong());
        assertEquals("from the evidence", line.path("field_message").asText());
        assertEquals("not a time", line.path("field_datetime").asText());
        assertFalse(line.path("message").asText().equals("from the evidence"));
        assertEquals("x.evtx", line.path("evidence").asText());
    }
}
