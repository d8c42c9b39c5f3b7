package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code sigmascope --version} says what was built, from which commit, when, and on what it runs. */
class VersionTest {
    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(0).matches("Sigmascope \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines.get(0));
        // "unknown" only when built outside a git checkout; CI builds from a clone.
        assertTrue(lines.get(1).matches("commit ([0-9a-f]{40}( with uncommitted changes)?|unknown)"), lines.get(1));
        assertTrue(lines.get(2).matches("built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Java " + System.getProperty("java.version")), lines.get(3));
    }
}
