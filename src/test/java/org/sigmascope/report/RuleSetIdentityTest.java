package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.load.RuleLoader;

/** The rule set hash tells rule sets apart, and does not depend on loading order. */
class RuleSetIdentityTest {
    private static final String RULES = "sigma/rules/rules/windows/process_creation";

    @TempDir
    Path dir;

    @Test
    void theSameRulesInAnotherOrderHaveTheSameHashAndAnEditChangesIt() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        List<Path> files;
        try (var walk = Files.list(Corpus.path(RULES))) {
            files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().limit(20).toList();
        }
        for (Path file : files) {
            Files.copy(file, a.resolve(file.getFileName()));
        }
        RuleSet first = RuleLoader.load(List.of(RuleLoader.RuleSource.of(a)));
        List<RuleLoader.RuleSource> backwards = new java.util.ArrayList<>();
        for (Path file : files) {
            backwards.add(0, RuleLoader.RuleSource.of(a.resolve(file.getFileName())));
        }
        RuleSet reversed = RuleLoader.load(backwards);
        assertEquals(20, first.rules().size(), first.failures().toString());
        assertEquals(RuleSetIdentity.of(first, List.of()).sha256(), RuleSetIdentity.of(reversed, List.of()).sha256());

        for (Path file : files) {
            Files.copy(file, b.resolve(file.getFileName()));
        }
        RuleSet copy = RuleLoader.load(List.of(RuleLoader.RuleSource.of(b)));
        assertEquals(RuleSetIdentity.of(first, List.of()).sha256(), RuleSetIdentity.of(copy, List.of()).sha256(),
                "a copy of the same rules in another folder");
        Path edited = b.resolve(files.get(3).getFileName());
        Files.writeString(edited, Files.readString(edited).replace("level: ", "level:  "), StandardCharsets.UTF_8);
        RuleSet changed = RuleLoader.load(List.of(RuleLoader.RuleSource.of(b)));
        assertEquals(20, changed.rules().size());
        assertNotEquals(RuleSetIdentity.of(first, List.of()).sha256(), RuleSetIdentity.of(changed, List.of()).sha256(),
                "one space more in one rule");
    }

    @Test
    void theHashIsTheSha256OfAListingAnyoneCanRebuild() {
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(Corpus.path(RULES))));
        RuleSetIdentity identity = RuleSetIdentity.of(rules, List.of(RULES));
        String listing = RuleSetIdentity.manifest(identity.ruleHashes());
        assertEquals(rules.rules().size(), listing.lines().count());
        assertTrue(listing.lines().allMatch(l -> l.matches("[0-9a-f]{64}  [0-9a-f-]{36}")),
                listing.lines().findFirst().orElse(""));
        assertEquals(Sha256.hex(listing.getBytes(StandardCharsets.UTF_8)), identity.sha256());
        String someId = rules.rules().get(0).id();
        assertEquals(Sha256.hex(rules.rules().get(0).yaml().getBytes(StandardCharsets.UTF_8)), identity.hashOf(someId));
    }
}
