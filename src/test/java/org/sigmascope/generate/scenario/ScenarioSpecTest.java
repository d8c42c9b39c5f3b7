package org.sigmascope.generate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioSpecTest {
    private static final long HOUR = 36_000_000_000L;

    @Test
    void namedScenariosWithHostAndOffset() {
        List<ScenarioPlan> plans = ScenarioSpec.parse("wmi-persistence-wmic@3@+2h30m, lsass-access@WS02", 4, 24 * HOUR, 1);
        assertEquals(2, plans.size());
        assertEquals(new ScenarioPlan("S01", ScenarioKind.WMI_PERSISTENCE_WMIC, 2, 2 * HOUR + HOUR / 2), plans.get(0));
        assertEquals(ScenarioKind.LSASS_ACCESS, plans.get(1).kind());
        assertEquals(1, plans.get(1).host());
        assertEquals("S02", plans.get(1).id());
    }

    @Test
    void groupsAndDefaultsDrawnFromTheSeed() {
        List<ScenarioPlan> all = ScenarioSpec.parse("all", 3, 24 * HOUR, 5);
        assertEquals(ScenarioKind.values().length, all.size());
        assertEquals(all, ScenarioSpec.parse("all", 3, 24 * HOUR, 5));
        assertTrue(all.stream().allMatch(p -> p.host() < 3 && p.offsetTicks() > 0 && p.offsetTicks() < 24 * HOUR));
        assertEquals(2, ScenarioSpec.parse("decoys", 3, 24 * HOUR, 5).size());
        assertTrue(ScenarioSpec.parse("attacks", 3, 24 * HOUR, 5).stream().noneMatch(p -> p.kind().decoy()));
        assertTrue(ScenarioSpec.parse("none", 3, 24 * HOUR, 5).isEmpty());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScenarioSpec.parse("wmi", 2, HOUR, 1))
                .getMessage().contains("unknown scenario 'wmi'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScenarioSpec.parse("lsass-access@5", 2, HOUR, 1)).getMessage().contains("give 1..2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScenarioSpec.parse("lsass-access@+2x", 2, HOUR, 1)).getMessage().contains("not an offset"));
    }
}
