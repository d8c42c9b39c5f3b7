package org.sigmascope.rulelibrary.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which archive entry names are refused, and what is extracted. */
class SafeUnzipTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/x.yml", "../x.yml", "rules/../../x.yml", "rules/./x.yml", "rules//x.yml",
            "C:/Windows/x.yml", "rules\\..\\x.yml", "rules/x.yml:stream", "..", ""})
    void unsafeNamesAreRefused(String name) {
        UpdateException e = assertThrows(UpdateException.class, () -> SafeUnzip.checkedName("a.zip", name));
        assertTrue(e.getMessage().startsWith("a.zip: refused: entry '" + name + "' "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules/windows/x.yml", "x.yml", "rules/", "rules-emerging-threats/2024/a..b.yml"})
    void ordinaryNamesPass(String name) throws UpdateException {
        assertEquals(name, SafeUnzip.checkedName("a.zip", name));
    }

    @Test
    void onlyRulesAndTheirLicenceAreExtracted() throws IOException, UpdateException {
        Path zip = RuleArchives.create().entry("rules/a.yml", "title: a").entry("rules/b.YAML", "title: b")
                .entry("LICENSE.Detection.Rules.md", "DRL").entry("tools/run.sh", "#!/bin/sh")
                .entry("rules/", new byte[0]).write(dir.resolve("a.zip"));
        Path target = Files.createDirectory(dir.resolve("out"));

        List<String> files = new SafeUnzip(UpdateLimits.defaults()).extract(zip, "a.zip", target);

        assertEquals(List.of("rules/a.yml", "rules/b.YAML", "LICENSE.Detection.Rules.md"), files);
        assertEquals("title: a", Files.readString(target.resolve("rules/a.yml")));
        assertTrue(Files.notExists(target.resolve("tools")));
    }

    @Test
    void theTotalSizeIsBounded() {
        UpdateLimits small = new UpdateLimits(1 << 20, 100, 1000, 1500, UpdateLimits.defaults().connectTimeout(),
                UpdateLimits.defaults().downloadTimeout());
        Path zip = RuleArchives.create().entry("a.yml", "#".repeat(900)).entry("b.yml", "#".repeat(900))
                .write(dir.resolve("a.zip"));

        UpdateException e = assertThrows(UpdateException.class,
                () -> new SafeUnzip(small).extract(zip, "a.zip", dir));

        assertEquals("a.zip: refused: entry 'b.yml' unpacks to more than 600 bytes (the archive's total limit); "
                + "not a rule file", e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() {
        UpdateLimits small = new UpdateLimits(1 << 20, 2, 1000, 10_000, UpdateLimits.defaults().connectTimeout(),
                UpdateLimits.defaults().downloadTimeout());
        Path zip = RuleArchives.create().entry("a.yml", "a").entry("b.yml", "b").entry("c.yml", "c")
                .write(dir.resolve("a.zip"));

        UpdateException e = assertThrows(UpdateException.class,
                () -> new SafeUnzip(small).extract(zip, "a.zip", dir));

        assertTrue(e.getMessage().contains("the archive has 3 entries, more than the 2"), e.getMessage());
    }
}
