package org.sigmascope.generate.event;

/** One named value of an event's EventData (or UserData), in template order. */
public record Field(String name, FieldType type) {
}
