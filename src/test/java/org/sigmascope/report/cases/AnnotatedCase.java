package org.sigmascope.report.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.store.Annotations;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;

/**
 * A real case for report tests: the hand-written WMI persistence samples and the generator's EVTX sample imported
 * with the built-in rules, then annotated as an analyst would: every detection tagged, notes (one carrying markup),
 * a starred event, a note-only event and a note on the whole case.
 *
 * @param file        the case file (closed)
 * @param detections  detections in the case
 * @param events      events in the case
 * @param annotated   events tagged, starred or noted
 */
public record AnnotatedCase(Path file, long detections, long events, long annotated) {
    public static final String TAG = "confirmed-wmi";
    public static final String NOTE = "Consumer host started by svchost: the WMI binding fired. <b>not bold</b>";
    public static final String STARRED_NOTE = "Boot looks normal; kept for the timeline";
    public static final String CASE_NOTE = "Client reported beaconing from WS01 on the morning of the incident.";

    /** Makes the case in the folder given, for the screenshots of docs/reports.md. */
    public static void main(String[] args) throws IOException {
        System.out.println(make(Path.of(args[0])).file());
    }

    public static AnnotatedCase make(Path dir) throws IOException {
        Path file = dir.resolve("wmi-case.duckdb");
        try (CaseStore store = TestCases.imported(file, TestCases.SAMPLES, Path.of("samples/generated/evidence"))) {
            Annotations annotations = store.annotations();
            List<Detection> detections = store.detections(0, 10_000);
            if (detections.size() < 3) {
                throw new AssertionError("the samples should give several detections, not " + detections.size());
            }
            for (Detection d : detections) {
                annotations.tag(d.event().id(), TAG);
            }
            annotations.addNote(detections.get(0).event().id(), NOTE);
            List<Event> first = store.events(0, 2);
            annotations.star(first.get(0).id(), true);
            annotations.addNote(first.get(0).id(), STARRED_NOTE);
            annotations.addNote(first.get(1).id(), "second event, a note and nothing else");
            annotations.addNote(-1, CASE_NOTE);
            long annotated = store.db().number("SELECT count(*) FROM (SELECT event_id FROM tags UNION "
                    + "SELECT event_id FROM stars UNION SELECT event_id FROM notes WHERE event_id IS NOT NULL)");
            return new AnnotatedCase(file, store.detectionCount(), store.eventCount(), annotated);
        }
    }
}
