package org.sigmascope.ingest.json;

import java.util.List;

/**
 * The JSON shapes, most specific first, and the choice of one per record. Files are nearly always of one shape,
 * so the shape of the previous record is tried first.
 */
final class JsonShapes {
    private final List<JsonShape> shapes = List.of(
            new EvtxJsonShape(),
            new ChainsawShape(),
            new VelociraptorShape(),
            WinlogbeatShape.ecs(),
            WinlogbeatShape.legacy(),
            new LogAnalyticsShape(),
            new HayabusaJsonShape(),
            new FlatEventShape(),
            new GenericJsonShape());
    private JsonShape last;

    JsonShape select(JsonObject root) {
        if (last != null && last.matches(root)) {
            return last;
        }
        for (JsonShape shape : shapes) {
            if (shape.matches(root)) {
                last = shape;
                return shape;
            }
        }
        throw new IllegalStateException("the generic shape matches every object");
    }
}
