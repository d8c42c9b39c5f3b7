package org.sigmascope.proctree;

/**
 * The figures of a build, for the analyst to judge the tree by.
 *
 * @param events        events offered
 * @param sightings     events that said something about a process
 * @param starts        of which starts
 * @param stops         stops
 * @param activities    other events attached to a process
 * @param processes     processes in the tree (placeholders included)
 * @param placeholders  processes never seen starting
 * @param mergedStarts  starts seen by both Sysmon and the Security log, kept as one process
 * @param duplicates    events seen twice (the same log added twice)
 * @param adoptedGuids  Security-only processes given the GUID a Sysmon event used for them
 * @param outOfOrder    sightings earlier than the host's previous ones by more than the tolerance
 * @param exact         parent links by GUID
 * @param inferred      parent links by process id and time
 * @param unknown       processes whose parent is unknown (placeholders included)
 * @param cyclesBroken  links cut because the evidence made a loop
 * @param problems      values that could not be read (each listed in {@link ProcessTree#problems()}, capped)
 */
public record TreeStats(long events, long sightings, long starts, long stops, long activities, int processes,
                        int placeholders, long mergedStarts, long duplicates, long adoptedGuids, long outOfOrder,
                        int exact, int inferred, int unknown, int cyclesBroken, long problems) {
}
