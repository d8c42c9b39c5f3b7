package org.sigmascope.ingest.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.SourceStats;

/**
 * Reads JSON evidence: one object, an array of objects, JSON Lines, or objects back to back, streaming.
 * Each object is recognised by its shape (see {@link EvtxJsonShape}).
 */
public final class JsonEvidenceReader implements EvidenceReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    @Override
    public String format() {
        return "json";
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) throws IOException {
        StatsCollector stats = new StatsCollector(request.source().displayName());
        int sourceId = request.source().id();
        long total = Files.size(request.source().path());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(request.source().path()), 1 << 16);
             JsonParser parser = MAPPER.createParser(in)) {
            JsonToken token;
            try {
                while ((token = parser.nextToken()) != null) {
                    request.cancellation().check();
                    if (token == JsonToken.START_ARRAY || token == JsonToken.END_ARRAY) {
                        continue; // the objects inside an array are events like any other
                    }
                    long line = parser.currentTokenLocation().getLineNr();
                    long offset = parser.currentTokenLocation().getByteOffset();
                    if (token != JsonToken.START_OBJECT) {
                        stats.failedAtLine(line, "expected a JSON object, found " + token.asString());
                        parser.skipChildren();
                        continue;
                    }
                    JsonNode node = MAPPER.readTree(parser);
                    if (EvtxJsonShape.matches(node)) {
                        Fields fields = EvtxJsonShape.flatten(node);
                        sink.accept(EventFactory.fromFields(sourceId, fields, null, offset, false));
                        stats.event();
                    } else {
                        stats.failedAtLine(line, "JSON object of an unknown shape (no Event.System)");
                    }
                    request.progress().update(offset, total, null);
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
                stats.failedAtLine(line, "malformed JSON: " + e.getOriginalMessage() + "; the rest of the file is not read");
            }
        }
        return stats.snapshot();
    }
}
