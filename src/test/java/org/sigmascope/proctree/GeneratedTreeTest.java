package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
        System.out.println(accuracy.row("fixture: Sysmon and 4688, with GUIDs; 2% starts, 5% stops lost"));
        System.out.println(tree.stats());
        assertEquals(0, accuracy.exactWrong());
        assertTrue(tree.stats().exact() > 1000, tree.stats().toString());
    }

    @Test
    void linkingInTheBackgroundChangesNothing() {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(BOTH_LOGS);
        List<Process> inline = all(build(evidence, TreeOptions.defaults().withLinkInBackground(false)));
        List<Process> background = all(build(evidence, TreeOptions.defaults().withLinkInBackground(true)));
        assertEquals(inline.size(), background.size());
        assertEquals(inline, background);
    }

    @Test
    void aBuilderGivenUpOnStopsItsThread() throws InterruptedException {
        GeneratedEvidence evidence = ProcessStoryGenerator.generate(BOTH_LOGS);
        ProcessTreeBuilder builder = new ProcessTreeBuilder(TreeOptions.defaults().withLinkInBackground(true));
        evidence.eventsInTimeOrder().forEach(builder::accept);
        builder.close();
        for (int wait = 0; wait < 50 && linkerAlive(); wait++) {
            Thread.sleep(20);
        }
        assertTrue(!linkerAlive(), "the linking thread is gone");
    }

    private static boolean linkerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("sigmascope-proctree-linker") && t.isAlive());
    }

    private static List<Process> all(ProcessTree tree) {
        return java.util.stream.IntStream.range(0, tree.size()).mapToObj(tree::process).toList();
    }

    static ProcessTree build(GeneratedEvidence evidence, TreeOptions options) {
        ProcessTreeBuilder builder = new ProcessTreeBuilder(options);
        for (Event event : evidence.eventsInTimeOrder()) {
            builder.accept(event);
        }
        return builder.build();
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
