package org.sigmascope.report.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Level;
import org.sigmascope.report.Channels;
import org.sigmascope.report.EventSummary;

/**
 * Events as JSON Lines that Timesketch imports as they are: each line has Timesketch's required {@code message},
 * {@code datetime} (ISO 8601 with offset) and {@code timestamp_desc}, plus {@code timestamp} (microseconds since
 * 1970), the common columns under plaso's names ({@code computer_name}, {@code event_identifier},
 * {@code record_number}, {@code source_name}), the Sigma detections on the event ({@code sigma_rules},
 * {@code sigma_level}) and every event field. Field values are written as text: OpenSearch fixes a field's type
 * from the first value it sees, and evidence mixes numbers and text under one name. A field whose name collides
 * with one of ours is prefixed {@code field_}. Events without a time cannot be placed on a timeline; they are
 * skipped and counted ({@link #skipped()}).
 */
public final class TimesketchJsonlWriter implements EventWriter {
    public static final String TIMESTAMP_DESC = "Event Recorded";
    public static final String DATA_TYPE = "windows:evtx:record";
    private static final Set<String> RESERVED = Set.of("message", "datetime", "timestamp", "timestamp_desc",
            "data_type", "computer_name", "channel", "event_identifier", "record_number", "source_name",
            "evidence", "sigma_rules", "sigma_rule_ids", "sigma_level", "tag", "__ts_emojis", "__ts_timeline_id");
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral("+00:00")
            .toFormatter().withZone(ZoneOffset.UTC);

    private final JsonGenerator generator;
    private final IntFunction<String> sourceNames;
    private long skipped;

    public TimesketchJsonlWriter(Writer out, IntFunction<String> sourceNames) throws IOException {
        this.generator = JsonCodec.MAPPER.getFactory().createGenerator(out);
        this.sourceNames = sourceNames;
    }

    @Override
    public void write(Event event, List<Detection> detections) throws IOException {
        if (event.timestamp() == null) {
            skipped++;
            return;
        }
        JsonCodec.writeLine(generator, toJson(event, detections, sourceNames.apply(event.sourceId())));
    }

    public static ObjectNode toJson(Event event, List<Detection> detections, String source) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("message", message(event, detections));
        Instant time = event.timestamp();
        node.put("datetime", DATETIME.format(time));
        node.put("timestamp", time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000);
        node.put("timestamp_desc", TIMESTAMP_DESC);
        node.put("data_type", DATA_TYPE);
        node.put("computer_name", event.computer());
        node.put("channel", event.channel());
        node.put("event_identifier", event.eventId());
        node.put("record_number", event.recordId());
        node.put("source_name", event.provider());
        node.put("evidence", source);
        if (!detections.isEmpty()) {
            Set<String> titles = new TreeSet<>();
            Set<String> ids = new TreeSet<>();
            detections.forEach(d -> {
                titles.add(d.rule().title());
                ids.add(d.rule().id());
            });
            ArrayNode rules = node.putArray("sigma_rules");
            titles.forEach(rules::add);
            ArrayNode ruleIds = node.putArray("sigma_rule_ids");
            ids.forEach(ruleIds::add);
            node.put("sigma_level", detections.stream().map(d -> d.rule().level()).max(Level::compareTo)
                    .orElseThrow().sigmaName());
        }
        event.fields().forEach((name, value) -> {
            String key = RESERVED.contains(name) ? "field_" + name : name;
            String text = Fields.textOf(value);
            if (text == null) {
                node.putNull(key);
            } else {
                node.put(key, text);
            }
        });
        return node;
    }

    /** {@code [Sysmon 1] WS01: Cmdline: … ¦ Proc: …}, with the rules that fired first when there are any. */
    static String message(Event event, List<Detection> detections) {
        StringBuilder message = new StringBuilder();
        if (!detections.isEmpty()) {
            Set<String> titles = new TreeSet<>();
            detections.forEach(d -> titles.add(d.rule().title()));
            message.append("Sigma: ").append(String.join("; ", titles)).append(" | ");
        }
        message.append('[').append(Channels.abbreviate(event.channel())).append(' ').append(event.eventId())
                .append("] ").append(event.computer());
        String details = EventSummary.details(event);
        if (!details.isEmpty()) {
            message.append(": ").append(details);
        }
        return message.toString();
    }

    /** Events left out because they had no time. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        generator.flush();
    }
}
