package org.sigmascope.generate.event;

import java.util.List;

/**
 * The shape of one kind of event as its provider's manifest declares it: the System values that are constant for
 * the kind, and the EventData fields in template order.
 *
 * @param channel     the log it is written to
 * @param provider    its provider
 * @param eventId     the event id
 * @param version     the event version (Sysmon 1 is version 5, Security 4688 version 2 …)
 * @param level       the level (0 log always, 4 information)
 * @param task        the task
 * @param opcode      the opcode
 * @param keywords    the keywords bit mask
 * @param qualifiers  the EventID qualifiers of classic providers, or -1 when absent
 * @param userData    for events that carry UserData instead of EventData: the inner element's name (its children
 *                    are the fields); {@code null} for EventData events
 * @param userDataNs  the inner UserData element's {@code xmlns}, or {@code null}
 * @param fields      the fields, in template order
 * @param description what the event means, as EvtxECmd's maps name it ({@code MapDescription})
 */
public record EventSchema(LogChannel channel, Provider provider, int eventId, int version, int level, int task,
                          int opcode, long keywords, int qualifiers, String userData, String userDataNs,
                          List<Field> fields, String description) {

    public EventSchema {
        fields = List.copyOf(fields);
    }

    public int fieldCount() {
        return fields.size();
    }

    /** The index of a field by name; an unknown name is a bug in the generator. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(channel + " " + eventId + " has no field " + name);
    }

    /** A key naming the kind, stable across runs (used to derive template GUIDs). */
    public String key() {
        return provider.name() + "/" + eventId + "/v" + version;
    }
}
