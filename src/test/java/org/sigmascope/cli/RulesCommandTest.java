package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;

/** {@code rules check} with placeholders, mappings and evidence, and the rule summary of {@code scan}. */
class RulesCommandTest {
    private static final String PLACEHOLDERS = "src/test/resources/org/sigmascope/sigma/placeholders.yml";
    private static final String SAMPLES = "samples/wmi-persistence";

    @TempDir
    Path dir;

    @Test
    void rulesPlaceholderNeedsThePlaceholdersFile() {
        String tree = Corpus.path("sigma/rules/rules-placeholder").toString();
        CliRun without = CliRun.of("rules", "check", "-r", tree);
        assertEquals(1, without.exitCode());
        List<String> lines = without.out().lines().toList();
        assertEquals(24, lines.size());
        assertTrue(lines.get(0).matches(".*\\.yml:\\d+: '.*': the placeholder %.*% has no value: this rule needs a "
                + "placeholders file \\(--placeholders FILE\\) that defines it"), lines.get(0));
        assertEquals("0 rules loaded, 23 failed", lines.get(23));
        CliRun with = CliRun.of("rules", "check", "--placeholders", PLACEHOLDERS, "-r", tree);
        assertEquals(0, with.exitCode(), with.out());
        assertEquals("23 rules loaded, 0 failed\n", with.out());
    }

    @Test
    void aBadPlaceholdersOrMappingFileIsReportedWithItsLine() throws IOException {
        Path placeholders = dir.resolve("p.yml");
        Files.writeString(placeholders, "a: [x]\nb: {nested: map}\n");
        CliRun run = CliRun.of("rules", "check", "--placeholders", placeholders.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(placeholders + ":2: placeholder 'b': each value must be a string or a number"),
                run.out());
        Path mapping = dir.resolve("m.yml");
        Files.writeString(mapping, "logsources:\n  - {product: windows, sources: [{chanels: [x]}]}\n");
        CliRun bad = CliRun.of("rules", "check", "--mapping", mapping.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().startsWith(mapping + ":2: unknown key 'chanels' in a source"), bad.out());
    }

    @Test
    void evidenceShowsWhichRulesCannotFireAndWhy() throws IOException {
        Files.writeString(dir.resolve("r.yml"), """
                title: Renamed scrcons
                logsource: {product: windows, category: process_creation}
                detection:
                    selection: {OriginalFileName: scrcons.exe}
                    filter: {Image|endswith: '\\scrcons.exe'}
                    condition: selection and not filter
                ---
                title: Encoded PowerShell script block
                logsource: {product: windows, category: ps_script}
                detection:
                    selection: {ScriptBlockText|base64offset|contains: 'Invoke-Mimikatz'}
                    condition: selection
                """);
        Path only4688 = dir.resolve("4688.jsonl");
        Files.write(only4688, Files.readAllLines(Path.of(SAMPLES, "process-starts.jsonl")).stream()
                .filter(l -> l.contains("\"EventID\": 4688")).toList());
        CliRun run = CliRun.of("rules", "check", "--no-builtin-rules", "-r", dir.resolve("r.yml").toString(),
                "--evidence", only4688.toString());
        assertEquals(0, run.exitCode(), "rules that cannot fire still loaded");
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).endsWith("r.yml:1: cannot fire: its events in this evidence (Security 4688) lack "
                + "what its condition needs: OriginalFileName (Renamed scrcons)"), lines.get(0));
        assertTrue(lines.get(1).contains("r.yml:8: cannot fire: the evidence has no events of its logsource "
                + "product=windows, category=ps_script"), lines.get(1));
        assertEquals("2 rules loaded, 0 failed", lines.get(2));
        assertTrue(run.err().contains("2 rules cannot fire on this evidence (1 without events of their logsource, "
                + "1 needing fields or event ids these events lack)"), run.err());
    }

    @Test
    void verboseListsEveryRuleWithItsProduct() {
        CliRun run = CliRun.of("rules", "check", "-v");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("builtin:windows/wmi_event_win_event_subscription.yml:1: loaded: WMI Event "
                + "Subscription Created or Bound [windows]"), run.out());
        assertTrue(run.out().endsWith("6 rules loaded, 0 failed\n"), run.out());
    }

    @Test
    void scanSumsUpTheRulesThatCannotFireOnTheEvidence() {
        CliRun run = CliRun.of("scan", SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        // the samples hold process starts only: the WMI and PowerShell rules have nothing to look at
        assertTrue(run.err().contains("3 rules cannot fire on this evidence (3 without events of their logsource)"),
                run.err());
    }

    @Test
    void jsonlExplainsDerivedValuesAndLabelsTheProduct() throws IOException {
        CliRun run = CliRun.of("scan", "-f", "jsonl",
                "src/test/resources/org/sigmascope/rules/wmi-encoded-script-consumer/positive.jsonl");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode first = JsonCodec.MAPPER.readTree(run.out().lines().findFirst().orElseThrow());
        assertEquals("WMI Consumer Carrying an Encoded Script", first.get("rule_title").asText());
        assertEquals("windows", first.get("rule_product").asText());
        JsonNode windash = first.get("match").get(0);
        assertEquals(" -enc ", windash.get("value").asText());
        assertEquals(" [-/\u2013\u2014\u2015]enc ", windash.get("compared").asText());
        assertEquals(" /enc ", windash.get("matched").asText());
        JsonNode encoded = first.get("match").get(1);
        assertEquals("IEX (", encoded.get("value").asText());
        assertEquals("SQBFAFgAIAAoA", encoded.get("compared").asText());
        assertEquals("SQBFAFgAIAAoA", encoded.get("matched").asText());
        assertEquals(List.of("wide", "base64offset", "contains"),
                List.of(encoded.get("modifiers").get(0).asText(), encoded.get("modifiers").get(1).asText(),
                        encoded.get("modifiers").get(2).asText()));
    }
}
