package org.sigmascope.ingest.json;

import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.model.Event;

/**
 * One shape of JSON event that tools write (the evtx crate, Winlogbeat, NXLog, Velociraptor …), recognised by
 * its keys and mapped to Sigma's field names, so that the same record gives the same fields in every format.
 */
interface JsonShape {
    /** The shape's name, as shown to analysts in notes ("Winlogbeat ECS"). */
    String name();

    /** Whether a record is of this shape; cheap, since it is asked per record. */
    boolean matches(JsonObject root);

    /**
     * Gives the events of a record of this shape: usually one; several for records that bundle events (a
     * Chainsaw aggregate detection); none when the record turned out unusable, which the shape then reports
     * through {@link RecordContext#failed}.
     */
    void read(JsonObject root, RecordContext context, Consumer<Event> events);
}
