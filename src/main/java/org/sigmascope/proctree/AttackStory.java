package org.sigmascope.proctree;

import java.util.Arrays;

/**
 * The attack story: the processes detections fired on, the chain of parents that led to each, and what each went
 * on to start. Built from the detections' event ids, so it works for detections from a scan and from the case
 * store alike.
 */
public final class AttackStory {
    private final Selection selection;
    private final int[] detected;
    private final long[] unplaced;

    private AttackStory(Selection selection, int[] detected, long[] unplaced) {
        this.selection = selection;
        this.detected = detected;
        this.unplaced = unplaced;
    }

    /** The story of the detections on these events (the tree must keep its event index). */
    public static AttackStory of(ProcessTree tree, long[] detectionEventIds) {
        long[] distinct = Arrays.stream(detectionEventIds).distinct().sorted().toArray();
        int[] detected = tree.processesOfEvents(distinct);
        long[] unplaced = Arrays.stream(distinct).filter(id -> tree.processOfEvent(id) < 0).toArray();
        return new AttackStory(Selection.of(tree, detected).withDescendants(), detected, unplaced);
    }

    /** Detected processes ({@link Selection.Mark#MATCH}), ancestors (context) and descendants. */
    public Selection selection() {
        return selection;
    }

    /** The processes with detections, in id order. */
    public int[] detectedProcesses() {
        return detected.clone();
    }

    /** Detection events that belong to no process (a logon, a service install): listed apart, not lost. */
    public long[] unplacedEvents() {
        return unplaced.clone();
    }
}
