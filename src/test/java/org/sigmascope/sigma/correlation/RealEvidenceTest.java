package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Correlations over real attack recordings (DeepBlueCLI's samples in the corpus): a password spray (294 logons with
 * explicit credentials from 172.16.144.128 against 41 accounts in 5 min 15 s) and an SMB password guessing (3,561
 * failed logons from 192.168.198.149 against 2 accounts in 2 min 43 s). The expected figures were counted from the
 * Rust evtx crate's export of the same files in the corpus, an independent parser: 41 accounts within one 5-minute
 * window of the spray, and 100 failed logons within a minute all through the guessing, without a gap.
 */
class RealEvidenceTest {
    private static final String RULES = """
            title: Logon with explicit credentials
            name: explicit_logon
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 4648}, condition: selection}
            ---
            title: Failed logon
            name: failed_logon
            logsource: {product: windows, service: security}
            detection: {selection: {EventID: 4625}, condition: selection}
            ---
            title: Password spray
            id: spray
            level: high
            correlation:
                type: value_count
                rules: [explicit_logon, failed_logon]
                group-by: [IpAddress]
                timespan: 5m
                condition: {field: TargetUserName, gte: 10}
            ---
            title: Password guessing
            id: guessing
            level: high
            correlation:
                type: event_count
                rules: [failed_logon]
                group-by: [IpAddress]
                timespan: 1m
                condition: {gte: 100}
            """;

    @TempDir
    Path dir;

    @Test
    void aSprayIsManyAccountsAndGuessingIsManyAttemptsEachFoundOnceAndNotTheOther() throws IOException {
        Path evidence = Corpus.path("evtx/sans-blue-team+DeepBlueCLI/evtx");
        RuleSet rules = Fixture.rules(dir, RULES).ruleSet();
        List<Detection> hits = new ArrayList<>();
        Scanner.scan(new ScanRequest(List.of(evidence.resolve("smb-password-guessing-security.evtx"),
                        evidence.resolve("password-spray.evtx")), new ReferenceEngine(rules, LogsourceMapping.builtin()),
                        ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1)
                        .withCorrelations(CorrelationPlan.of(rules, LogsourceMapping.builtin())),
                new ScanListener() {
                    @Override
                    public void detection(Detection detection) {
                        if (detection.correlation() != null) {
                            hits.add(detection);
                        }
                    }
                }, Progress.NONE, Cancellation.NEVER);

        assertEquals(List.of("guessing", "spray"), hits.stream().map(h -> h.rule().id()).toList(),
                "one hit each, in time order (2016, then 2019); the two accounts guessed are no spray");
        Detection guessing = hits.get(0);
        assertEquals(Map.of("IpAddress", "192.168.198.149"), guessing.correlation().group());
        assertEquals(3561, guessing.correlation().eventIds().size(), "every failed logon, one burst");
        Detection spray = hits.get(1);
        assertEquals(Map.of("IpAddress", "172.16.144.128"), spray.correlation().group());
        assertEquals(294, spray.correlation().eventIds().size(), "every logon of the spray");
        assertEquals("2019-04-30T19:32:17.474995500Z", spray.event().timestamp().toString(), "its last event");
        String measure = spray.match().selections().get(0).fields().get(0).compared();
        assertTrue(measure.contains("10 to 41 while the hit lasted"), measure);
    }
}
