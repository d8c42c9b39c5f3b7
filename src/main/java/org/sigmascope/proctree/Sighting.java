package org.sigmascope.proctree;

/**
 * What one event says about processes: the unit the tree is built from. {@link SightingReader} makes them from
 * events; a case store may make them from its rows.
 *
 * @param role     whether the event records a start, a stop, or something the process did
 * @param witness  the log the event came from
 * @param activity for {@link Role#ACTIVITY}, what kind; else {@code null}
 * @param eventId  the case-unique id of the event
 * @param host     the computer, as the event names it
 * @param time     the event's time in 100 ns ticks since 1970 ({@link Ticks}), or {@link Ticks#UNKNOWN}
 * @param self     the process the event is about (the new process, for a start)
 * @param parent   for a start, what the event says about the parent; else {@link ProcessClaims#NONE}
 */
public record Sighting(Role role, Witness witness, ActivityKind activity, long eventId, String host, long time,
                       ProcessClaims self, ProcessClaims parent) {

    /** What an event records about its process. */
    public enum Role { START, STOP, ACTIVITY }
}
