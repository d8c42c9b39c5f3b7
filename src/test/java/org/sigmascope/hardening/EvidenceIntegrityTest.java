package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.integrity.EvidenceCheck;
import org.sigmascope.integrity.EvidenceVerifier;
import org.sigmascope.scan.CaseRescan;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.store.TestCases;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * A whole session over real evidence — import into a case, scan, re-scan with changed rules, query, report and
 * exports in every format, dump, verify — changes neither a byte nor a modification time of the evidence; and
 * {@code sigmascope verify} tells a changed or missing file from an intact one by the SHA-256 recorded at import.
 */
class EvidenceIntegrityTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2021-06-01T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aFullSessionLeavesTheEvidenceAsItWasAndVerifySaysSo() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        for (String format : List.of("evtx", "jsonl", "csv")) {
            Generated.make(evidence.resolve(format), format, 2, 1_500, 11);
        }
        Files.copy(Path.of("src/test/resources/org/sigmascope/report/hostile/hostile-events.jsonl"),
                evidence.resolve("hostile-events.jsonl"));
        for (Path file : evidenceFiles(evidence)) {
            Files.setLastModifiedTime(file, OLD); // an old time, so that any touch shows
        }
        Map<Path, String> before = snapshot(evidence);
        assertTrue(before.size() >= 10, before.toString());

        Path caseFile = dir.resolve("case.duckdb");
        try (CaseStore store = CaseStore.open(caseFile)) {
            CaseScan.run(store, List.of(evidence), TestCases.builtinRules(), CaseScan.Options.defaults(),
                    Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            assertTrue(store.eventCount() > 4_000, "events: " + store.eventCount());
            CaseRescan.run(store, withExtraRule(), CommitPolicy.defaults(), Progress.NONE, Cancellation.NEVER);
        }
        Path out = dir.resolve("out");
        for (String output : List.of("report.html", "detections.csv", "detections.jsonl")) {
            Cli scan = Cli.run("scan", "-o", out.resolve(output).toString(), evidence.toString());
            assertTrue(Files.size(out.resolve(output)) > 0, output + ": " + scan.err());
        }
        for (String format : List.of("hayabusa", "timeline", "timesketch")) {
            Cli.run("scan", "-f", format, "-o", out.resolve(format).toString(), evidence.toString());
        }
        assertEquals(0, Cli.run("dump", "-f", "xml", "-o", out.resolve("dump.xml").toString(), evidence.toString())
                .exitCode());
        Cli query = Cli.run("query", caseFile.toString(), "EventID:1", "-f", "csv", "-o", out.resolve("q.csv")
                .toString());
        assertEquals(0, query.exitCode(), query.err());
        Cli verify = Cli.run("verify", caseFile.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains(before.size() + " source(s), " + before.size() + " intact"), verify.out());

        assertEquals(before, snapshot(evidence), "the session changed the evidence");

        Path changed = before.keySet().iterator().next();
        Files.setAttribute(changed, "lastModifiedTime", OLD); // a careful tamperer keeps the time: the hash still sees it
        try (var channel = java.nio.channels.FileChannel.open(changed, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x41}), 100);
        }
        Files.setAttribute(changed, "lastModifiedTime", OLD);
        Path gone = before.keySet().stream().skip(1).findFirst().orElseThrow();
        Files.delete(gone);
        try (CaseStore store = CaseStore.openReadOnly(caseFile)) {
            Map<String, EvidenceCheck.Verdict> verdicts = new TreeMap<>();
            EvidenceVerifier.verify(store).forEach(c -> verdicts.put(c.path(), c.verdict()));
            assertEquals(EvidenceCheck.Verdict.CHANGED, verdicts.get(changed.toAbsolutePath().toString()));
            assertEquals(EvidenceCheck.Verdict.MISSING, verdicts.get(gone.toAbsolutePath().toString()));
            assertEquals(before.size() - 2, verdicts.values().stream().filter(v -> v == EvidenceCheck.Verdict.INTACT)
                    .count());
        }
        Cli again = Cli.run("verify", caseFile.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.out().contains("changed") && again.out().contains("missing"), again.out());
    }

    /** The built-in rules and one more, so the re-scan has work to do. */
    private CaseRules withExtraRule() throws IOException {
        Path rule = dir.resolve("extra-rule.yml");
        Files.writeString(rule, """
                title: Any process start
                id: 5b0c5fd0-2f0e-4c4d-9a55-7f0a1c1b0001
                status: test
                logsource:
                  category: process_creation
                  product: windows
                detection:
                  selection:
                    Image|endswith: '.exe'
                  condition: selection
                level: low
                """);
        return CaseRules.reference(RuleLoader.load(List.of(BuiltinRules.source(), RuleLoader.RuleSource.of(rule))),
                LogsourceMapping.builtin());
    }

    /** Each evidence file's SHA-256, size and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        for (Path file : evidenceFiles(root)) {
            files.put(file, CaseScan.sha256(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file));
        }
        return files;
    }

    private static List<Path> evidenceFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".sigmascope.json")
                    && !p.toString().endsWith(".sigmascope.jsonl")).sorted().toList();
        }
    }
}
