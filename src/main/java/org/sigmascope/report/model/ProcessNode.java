package org.sigmascope.report.model;

import java.time.Instant;
import java.util.List;

import org.sigmascope.model.Level;

/**
 * One process of a process tree, as the report draws it. Trees are given as a flat list of nodes that name their
 * parent; the report shows the processes that have detections, their ancestors and their children.
 *
 * @param key         unique within the report: e.g. the ProcessGuid, or {@code host|pid|start}
 * @param host        the computer the process ran on
 * @param image       the executable's path
 * @param pid         the process id, or -1
 * @param start       when it started, or {@code null}
 * @param end         when it ended, or {@code null} when unknown or still running
 * @param user        the account it ran as, or {@code ""}
 * @param commandLine its command line, or {@code ""}
 * @param parentKey   the {@link #key()} of its parent, or {@code null} for a root
 * @param parentLink  how the link to the parent was made
 * @param startEvent  the id of the event that recorded its start, or -1
 * @param badges      the detections on this process
 */
public record ProcessNode(String key, String host, String image, long pid, Instant start, Instant end, String user,
                          String commandLine, String parentKey, LinkConfidence parentLink, long startEvent,
                          List<Badge> badges) {
    public ProcessNode {
        host = CaseDetails.orEmpty(host);
        image = CaseDetails.orEmpty(image);
        user = CaseDetails.orEmpty(user);
        commandLine = CaseDetails.orEmpty(commandLine);
        parentLink = parentKey == null ? LinkConfidence.UNKNOWN : parentLink;
        badges = List.copyOf(badges);
    }

    /** How sure the tree is that a process's parent is the one it shows. */
    public enum LinkConfidence {
        /** By an identifier that cannot be reused (Sysmon ProcessGuid / ParentProcessGuid). */
        EXACT,
        /** By process id on the same host, the parent started before the child: a pid may have been reused. */
        INFERRED,
        /** The parent was not found in the evidence. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A detection drawn on a process.
     *
     * @param ruleTitle the rule that fired
     * @param level     its level
     * @param eventId   the id of the event it fired on
     */
    public record Badge(String ruleTitle, Level level, long eventId) {
    }

    public boolean hasDetections() {
        return !badges.isEmpty();
    }
}
