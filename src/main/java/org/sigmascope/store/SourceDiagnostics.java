package org.sigmascope.store;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Diagnostic;

/** A source's diagnostics as the JSON list kept in {@code sources.diagnostics}. */
final class SourceDiagnostics {
    private SourceDiagnostics() {
    }

    static String json(List<Diagnostic> diagnostics) {
        ArrayNode list = JsonCodec.MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            list.addObject().put("severity", d.severity().name().toLowerCase(Locale.ROOT))
                    .put("location", d.location()).put("message", d.message());
        }
        return JsonCodec.write(list);
    }
}
