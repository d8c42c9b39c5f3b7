package org.sigmascope.ui.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.workspace.Workspace;

/** The rules view's cost: the app's engines account per rule, summed over every engine a job made. */
class RuleCostsTest {
    private static final String SEED = "WMI Persistence - Script Event Consumer";

    @TempDir
    Path home;

    @Test
    void everyEngineOfAJobIsCountedPerRule() throws IOException {
        AppRules rules = AppRules.load(new Workspace(home), List.of(), null);
        RuleCosts costs = new RuleCosts();
        assertFalse(costs.ran(), "no engine yet");
        List<Event> events = EvidenceFiles.read(Path.of("samples", "wmi-persistence", "process-starts.jsonl"))
                .events();
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < 2; i++) {  // two sources, two engines
            RuleEngine engine = rules.caseRules(RuleSelection.defaults(), costs).engine();
            events.forEach(e -> engine.match(e, found::add));
        }
        assertTrue(costs.ran());
        Map<String, Double> millis = costs.millisPerRule();
        assertEquals(rules.selected(RuleSelection.defaults()).rules().size(), millis.size(),
                "every rule that ran has a cost, 0 for those never evaluated");
        String seed = rules.all().rules().stream().filter(r -> r.info().title().equals(SEED)).findFirst()
                .orElseThrow().id();
        assertTrue(millis.get(seed) > 0, "the seed rule matched, so it took time: " + millis.get(seed));
        assertTrue(found.stream().anyMatch(d -> d.rule().id().equals(seed)), "and it did match");
        assertTrue(millis.values().stream().allMatch(ms -> ms >= 0));
    }

    @Test
    void theCostColumnShowsAndSortsMilliseconds() {
        RuleRow row = new RuleRow(null, null, "", 0, 0.0123, true);
        assertEquals("0.012 ms", row.costText());
        assertEquals("1,234.6 ms", new RuleRow(null, null, "", 0, 1234.56, true).costText());
        assertEquals("", new RuleRow(null, null, "", 0, -1, true).costText(), "not measured");
        assertTrue(RuleRow.costOf("1,234.6 ms") > RuleRow.costOf("2.0 ms"), "by time, not by text");
        assertTrue(RuleRow.costOf("") < RuleRow.costOf("0.000 ms"));
    }
}
