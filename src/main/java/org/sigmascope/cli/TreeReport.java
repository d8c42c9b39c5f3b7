package org.sigmascope.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Level;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;

/**
 * What {@code sigmascope tree} prints: the part of the trees selected, per host, with the detections on each
 * process and where its start and stop events are in the evidence.
 *
 * @param tree       the trees
 * @param selection  the processes to print
 * @param hosts      the hosts to print, in order
 * @param detections the detections on each process id
 * @param events     where some events are: start and stop events, by event id
 */
record TreeReport(ProcessTree tree, Selection selection, List<String> hosts,
                  Map<Integer, List<DetectionRef>> detections, Map<Long, EventRef> events) {

    /** Where an event is in the evidence. */
    record EventRef(String source, long recordId) {
    }

    /** A detection, as the tree shows it. */
    record DetectionRef(long event, String ruleId, String title, Level level, Instant timestamp, EventRef where) {
    }
}
