package org.sigmascope.proctree;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One process of a tree, as a value to show, filter ({@code Predicate<Process>}) or export. Made on demand from
 * the tree's columns; holding one does not hold the tree.
 *
 * @param id                 its id in the tree (0 … size-1)
 * @param host               the computer
 * @param pid                the process id, or {@link ProcessClaims#NO_PID}
 * @param guid               Sysmon's process GUID, or {@code null}
 * @param image              the executable, or {@code null}
 * @param commandLine        the command line, or {@code null}
 * @param user               the account, or {@code null}
 * @param logonId            the logon session, or {@link ProcessClaims#NO_LOGON}
 * @param start              when it started, or {@code null} if never seen starting
 * @param end                when it stopped, or {@code null} if never seen stopping
 * @param firstSeen          the earliest evidence of it
 * @param lastSeen           the latest evidence of it (its stop, its last activity, its last child's start)
 * @param placeholder        never seen starting: made from what other events said about it
 * @param startedBy          the logs that recorded its start (both when Sysmon's and the Security log's views merged)
 * @param parent             the parent's id, or -1
 * @param link               how the parent was found
 * @param claimedParentImage the parent's image as the start event named it, or {@code null}
 * @param sysmonStartEvent   the id of its Sysmon 1 event, or -1
 * @param securityStartEvent the id of its Security 4688 event, or -1
 * @param stopEvent          the id of its first stop event, or -1
 * @param activity           counts of the other events attached to it, by kind (kinds with none are left out)
 */
public record Process(int id, String host, long pid, Guid guid, String image, String commandLine, String user,
                      long logonId, Instant start, Instant end, Instant firstSeen, Instant lastSeen,
                      boolean placeholder, Set<Witness> startedBy, int parent, Link link, String claimedParentImage,
                      long sysmonStartEvent, long securityStartEvent, long stopEvent,
                      Map<ActivityKind, Integer> activity) {

    public Process {
        startedBy = startedBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(startedBy));
        // Kept in the order of the kinds, so output lists them the same way every time.
        activity = activity.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(activity));
    }

    /** The executable's file name ({@code scrcons.exe}), or {@code ?} when unknown. */
    public String name() {
        if (image == null) {
            return "?";
        }
        return Images.baseName(image);
    }

    public boolean stopped() {
        return end != null;
    }

    public int activity(ActivityKind kind) {
        return activity.getOrDefault(kind, 0);
    }
}
