package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Event;

/** Trees of generated evidence with known parents, process id reuse and lost events. */
class GeneratedTreeTest {
    private static final ProcessStoryGenerator.Options BOTH_LOGS = new ProcessStoryGenerator.Options(7, 3, 2500, 1000,
            ProcessStoryGenerator.Logs.BOTH, 0.02, 0.05, true, true, 3);

    @Test
    void everyGuidLinkIsRight() {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(BOTH_LOGS);
        ProcessTree tree = build(evidence);
        LinkAccuracy accuracy = measure(evidence, tree);
        System.out.println(accuracy.row("generated, Sysmon and 4688, with GUIDs"));
        System.out.println(tree.stats());
        assertEquals(0, accuracy.exactWrong());
        assertTrue(tree.stats().exact() > 1000, tree.stats().toString());
    }

    static ProcessTree build(GeneratedEvidence evidence) {
        ProcessTreeBuilder builder = new ProcessTreeBuilder();
        for (Event event : evidence.eventsInTimeOrder()) {
            builder.accept(event);
        }
        return builder.build();
    }

    static LinkAccuracy measure(GeneratedEvidence evidence, ProcessTree tree) {
        return LinkAccuracy.measure(tree, evidence::processOfStart, evidence.trueParent::get, evidence::startLogged);
    }
}
