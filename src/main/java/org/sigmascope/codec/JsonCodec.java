package org.sigmascope.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Match;

/**
 * Our records as JSON: the event fields, explanations and correlation hits, in the shapes the command-line
 * contract gives ({@code scan -f jsonl}, {@code dump -f jsonl}) and the case store keeps.
 */
public final class JsonCodec {
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonCodec() {
    }

    public static ObjectNode fields(Fields fields) {
        ObjectNode node = NODES.objectNode();
        fields.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    public static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        return NODES.textNode(value.toString());
    }

    public static String fieldsText(Fields fields) {
        return write(fields(fields));
    }

    public static Fields parseFields(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Fields.Builder builder = Fields.builder(node.size());
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                builder.put(entry.getKey(), toValue(entry.getValue()));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON value as a field value: String, Long, Double, Boolean, a list of those, or an object's JSON text. */
    public static Object toValue(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(toValue(item)));
            return items;
        }
        return node.toString();
    }

    /** The explanation as a flat list of hits: {@code [{"selection", "field", "modifiers", "value", …}]}. */
    public static ArrayNode match(Match match) {
        ArrayNode hits = NODES.arrayNode();
        for (Match.SelectionHit selection : match.selections()) {
            for (Match.FieldHit hit : selection.fields()) {
                ObjectNode node = hits.addObject();
                node.put("selection", selection.selection());
                node.put("field", hit.field());
                ArrayNode modifiers = node.putArray("modifiers");
                hit.modifiers().forEach(modifiers::add);
                node.put("value", hit.ruleValue());
                if (hit.compared() != null) {
                    node.put("compared", hit.compared());
                }
                node.put("event_value", hit.eventValue());
                node.put("matched", hit.matchedPart());
                if (hit.matchStart() >= 0) {
                    node.put("start", hit.matchStart());
                    node.put("end", hit.matchEnd());
                }
            }
        }
        return hits;
    }

    public static Match parseMatch(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Map<String, List<Match.FieldHit>> bySelection = new LinkedHashMap<>();
            for (JsonNode hit : node) {
                List<String> modifiers = new ArrayList<>();
                hit.path("modifiers").forEach(m -> modifiers.add(m.asText()));
                bySelection.computeIfAbsent(hit.path("selection").asText(), k -> new ArrayList<>())
                        .add(new Match.FieldHit(textOrNull(hit.get("field")), modifiers, textOrNull(hit.get("value")),
                                textOrNull(hit.get("event_value")), hit.path("start").asInt(-1),
                                hit.path("end").asInt(-1), textOrNull(hit.get("compared"))));
            }
            List<Match.SelectionHit> selections = new ArrayList<>();
            bySelection.forEach((name, hits) -> selections.add(new Match.SelectionHit(name, hits)));
            return new Match(selections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public static ObjectNode correlation(Detection.CorrelationHit hit) {
        ObjectNode node = NODES.objectNode();
        node.put("type", hit.type());
        ObjectNode group = node.putObject("group");
        hit.group().forEach(group::put);
        ArrayNode events = node.putArray("events");
        hit.eventIds().forEach(events::add);
        return node;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator for JSON Lines: no separator between root values (Jackson puts a space there by default), since
     * {@link #writeLine} ends each value with a newline.
     */
    public static JsonGenerator lineGenerator(java.io.Writer out) throws IOException {
        JsonGenerator generator = MAPPER.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        return generator;
    }

    /** Writes a node as one line, for JSON Lines output. */
    public static void writeLine(JsonGenerator generator, JsonNode node) throws IOException {
        MAPPER.writeTree(generator, node);
        generator.writeRaw('\n');
    }
}
