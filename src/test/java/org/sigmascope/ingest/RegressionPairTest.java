package org.sigmascope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;
import org.sigmascope.sigma.RegressionSamples;

/**
 * Every SigmaHQ regression sample comes as the {@code .evtx} and as the Rust evtx crate's {@code .json} of the
 * same records. Read with our EVTX reader and our JSON reader, the two must give the same events: the same field
 * names and values, event for event — so a rule matches the same whichever of the two an analyst has. Values are
 * compared as text, GUIDs without regard to braces and case (the crate writes them without braces), times to the
 * microsecond (the crate's precision).
 */
class RegressionPairTest {

    @Test
    void theEvtxAndTheJsonOfEverySampleGiveTheSameFields() throws IOException {
        List<RegressionSamples.Sample> samples = RegressionSamples.load().samples();
        assertTrue(samples.size() >= 90, "SigmaHQ's regression samples in the corpus: " + samples.size());
        List<String> differences = new ArrayList<>();
        long events = 0;
        for (RegressionSamples.Sample sample : samples) {
            List<Event> fromEvtx = EvidenceFiles.read(sample.evtx()).events();
            List<Event> fromJson = EvidenceFiles.read(sample.json()).events();
            String where = sample.folder().getFileName().toString();
            if (fromEvtx.size() != fromJson.size()) {
                differences.add(where + ": " + fromEvtx.size() + " events from the .evtx, " + fromJson.size()
                        + " from the .json");
                continue;
            }
            Map<Long, Event> jsonById = fromJson.stream()
                    .collect(Collectors.toMap(Event::recordId, Function.identity(), (a, b) -> a));
            for (Event evtx : fromEvtx) {
                Event json = jsonById.get(evtx.recordId());
                if (json == null) {
                    differences.add(where + " record " + evtx.recordId() + ": not in the .json");
                    continue;
                }
                compare(where + " record " + evtx.recordId(), evtx, json, differences);
                events++;
            }
        }
        assertEquals(List.of(), differences, "differences between the .evtx and the .json of the same records");
        assertTrue(events >= samples.size(), "events compared: " + events);
    }

    private static void compare(String where, Event evtx, Event json, List<String> differences) {
        // The crate writes times to the microsecond; the .evtx holds them to 100 ns.
        if (!evtx.timestamp().truncatedTo(ChronoUnit.MICROS).equals(json.timestamp())) {
            differences.add(where + ": time " + evtx.timestamp() + " from the .evtx, " + json.timestamp()
                    + " from the .json");
        }
        TreeSet<String> names = new TreeSet<>(evtx.fields().names());
        names.addAll(json.fields().names());
        for (String name : names) {
            boolean inEvtx = evtx.fields().contains(name);
            boolean inJson = json.fields().contains(name);
            String a = canonical(evtx.fields().get(name));
            String b = canonical(json.fields().get(name));
            if (inEvtx != inJson || !a.equals(b)) {
                differences.add(where + " " + name + ": .evtx " + (inEvtx ? "'" + a + "'" : "(absent)") + ", .json "
                        + (inJson ? "'" + b + "'" : "(absent)"));
            }
        }
    }

    private static String canonical(Object value) {
        String text = Fields.textOf(value);
        if (text == null) {
            return "";
        }
        Instant time = text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T'
                ? Timestamps.parseOrNull(text) : null;
        if (time != null) {
            return Timestamps.format(time.truncatedTo(ChronoUnit.MICROS));
        }
        return ExportedText.canonical(text);
    }
}
