package org.sigmascope.rulelibrary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.rulelibrary.update.RuleArchives;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;

/** How the library is found and merged into the rules of a scan. */
class RuleLibraryTest {
    private static final String SCRIPTING = "rules/windows/wmi_event/sysmon_wmi_susp_scripting.yml";

    @TempDir
    Path dir;

    private Path rule(String library, String relative) throws IOException {
        Path file = dir.resolve(library).resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, RuleArchives.corpusText(relative));
    }

    @Test
    void aLibraryLeftMidSwapIsStillFound() throws IOException {
        rule(".previous-sigmahq", SCRIPTING);
        rule(".staging-sigmahq-1234", SCRIPTING);
        rule("Not A Name", SCRIPTING);

        List<RuleLibrary.Installed> installed = new RuleLibrary(dir).installed();

        assertEquals(1, installed.size());
        assertEquals("sigmahq", installed.get(0).name());
        assertEquals(dir.resolve(".previous-sigmahq"), installed.get(0).folder());
    }

    @Test
    void rulesAlreadyLoadedWinOverTheLibraryWithoutAFailure() throws IOException {
        rule("inhouse", SCRIPTING);
        rule("sigmahq", SCRIPTING);
        RuleSet base = new RuleSet(List.of(), List.of());

        RuleSet merged = new RuleLibrary(dir).addTo(base);

        assertEquals(List.of(), merged.failures());
        assertEquals(List.of("inhouse:" + SCRIPTING), merged.rules().stream().map(SigmaRule::info)
                .map(info -> info.path()).toList());
    }

    @Test
    void noLibraryLeavesTheRulesAsTheyAre() {
        RuleSet base = new RuleSet(List.of(), List.of());
        assertEquals(base, new RuleLibrary(dir.resolve("absent")).addTo(base));
    }
}
