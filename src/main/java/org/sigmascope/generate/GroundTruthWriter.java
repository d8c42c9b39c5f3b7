package org.sigmascope.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.generate.host.Ticks;
import org.sigmascope.model.Timestamps;

/**
 * Writes {@code ground-truth.sigmascope.jsonl}: one line per injected event, by host, in the order written. The format is
 * documented in docs/generator.md.
 */
final class GroundTruthWriter {
    private GroundTruthWriter() {
    }

    static void write(Path file, List<GroundTruthEntry> entries) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator json = JsonCodec.MAPPER.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (GroundTruthEntry e : entries) {
                json.writeStartObject();
                json.writeStringField("scenario_id", e.injection().scenarioId());
                json.writeStringField("scenario", e.injection().scenario());
                json.writeStringField("technique", e.injection().technique());
                json.writeBooleanField("decoy", e.injection().decoy());
                json.writeStringField("host", e.host());
                json.writeStringField("file", e.file());
                json.writeStringField("channel", e.channel());
                json.writeNumberField("record_id", e.recordId());
                json.writeNumberField("event_id", e.eventId());
                json.writeStringField("timestamp", Timestamps.format(Ticks.instant(e.filetime())));
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }
}
