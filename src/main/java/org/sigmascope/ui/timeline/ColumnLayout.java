package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.sigmascope.codec.JsonCodec;

/**
 * The timeline's columns as the analyst arranged them — which, in what order, how wide — kept in the case
 * (key {@value #KEY}) so that reopening it, or handing it on, shows the same view.
 */
public final class ColumnLayout {
    public static final String KEY = "timeline.columns";

    /** A shown column and its width. */
    public record Shown(ColumnSpec spec, double width) {
    }

    private ColumnLayout() {
    }

    public static String encode(List<Shown> columns) {
        ArrayNode list = JsonCodec.MAPPER.createArrayNode();
        for (Shown shown : columns) {
            list.addObject().put("id", shown.spec().id()).put("width", Math.round(shown.width()));
        }
        return JsonCodec.write(list);
    }

    /** The layout kept in a case; the default one when there is none, or it cannot be read. */
    public static List<Shown> decode(String json) {
        List<Shown> columns = new ArrayList<>();
        if (json != null) {
            try {
                for (JsonNode node : JsonCodec.MAPPER.readTree(json)) {
                    Columns.byId(node.path("id").asText("")).ifPresent(spec -> columns.add(new Shown(spec,
                            node.path("width").asDouble(spec.width()))));
                }
            } catch (java.io.IOException e) {
                columns.clear();
            }
        }
        if (columns.isEmpty()) {
            Columns.defaults().forEach(spec -> columns.add(new Shown(spec, spec.width())));
        }
        return columns;
    }
}
