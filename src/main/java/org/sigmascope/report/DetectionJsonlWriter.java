package org.sigmascope.report;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;

/** Detections as JSON Lines, in the shape of the command-line contract ({@code scan -f jsonl}). */
public final class DetectionJsonlWriter implements DetectionWriter {
    private final JsonGenerator generator;
    private final IntFunction<String> sourceNames;

    public DetectionJsonlWriter(Writer out, IntFunction<String> sourceNames) throws IOException {
        this.generator = JsonCodec.lineGenerator(out);
        this.sourceNames = sourceNames;
    }

    public static ObjectNode toJson(Detection detection, String sourceName) {
        Event event = detection.event();
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("rule_id", detection.rule().id());
        node.put("rule_title", detection.rule().title());
        node.put("rule_author", detection.rule().author());
        node.put("level", detection.rule().level().sigmaName());
        node.put("rule_product", detection.rule().product());
        node.put("timestamp", Timestamps.format(event.timestamp()));
        node.put("computer", event.computer());
        node.put("channel", event.channel());
        node.put("event_id", event.eventId());
        node.put("record_id", event.recordId());
        node.put("event", event.id());
        node.put("source", sourceName);
        node.set("fields", JsonCodec.fields(event.fields()));
        node.set("match", JsonCodec.match(detection.match()));
        if (detection.correlation() != null) {
            node.set("correlation", JsonCodec.correlation(detection.correlation()));
        }
        return node;
    }

    @Override
    public void write(Detection detection) throws IOException {
        JsonCodec.writeLine(generator, toJson(detection, sourceNames.apply(detection.event().sourceId())));
    }

    @Override
    public void close() throws IOException {
        generator.flush();
    }
}
