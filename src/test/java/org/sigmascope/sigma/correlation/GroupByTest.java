package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/** Groups: the same group-by values in every match of a hit; what a missing field means; aliases. */
class GroupByTest {
    @TempDir
    Path dir;

    private Fixture byUser() {
        return Fixture.correlation(dir, """
                type: event_count
                rules: [a]
                group-by: [User, Computer]
                timespan: 1m
                condition: {gte: 2}
                """);
    }

    @Test
    void eachGroupIsCountedOnItsOwn() {
        Fixture f = byUser().event(0, 1001, "User", "alice", "Computer", "WS01")
                .event(1, 1001, "User", "bob", "Computer", "WS01")
                .event(2, 1001, "User", "alice", "Computer", "WS02")
                .event(3, 1001, "User", "alice", "Computer", "WS01");
        List<Detection> hits = f.hits();
        assertEquals(List.of("corr [1, 4]"), Fixture.summary(hits));
        assertEquals(Map.of("User", "alice", "Computer", "WS01"), hits.get(0).correlation().group());
        assertEquals(List.of("User", "Computer"), List.copyOf(hits.get(0).correlation().group().keySet()),
                "in the order of group-by");
    }

    @Test
    void aMatchWithoutAGroupByFieldIsLeftOutAndTheRunSaysSo() {
        // Grouping absent values together would correlate events of unrelated users; Splunk's and Elastic's
        // group-by leave such events out too.
        Fixture f = byUser().event(0, 1001, "Computer", "WS01")
                .event(1, 1001, "User", null, "Computer", "WS01")
                .event(2, 1001, "User", "alice", "Computer", "WS01");
        ReferenceEngine engine = new ReferenceEngine(f.ruleSet(), LogsourceMapping.builtin());
        CorrelationRun run = f.plan().start(RunLimits.SCAN);
        for (Event event : f.events()) {
            engine.match(event, run::offer);
        }
        assertEquals(List.of(), run.finish());
        assertEquals(List.of("correlation 'Correlation': 2 matches of its rules were left out because they lack a "
                + "group-by field (User, Computer)"), run.notes());
    }

    @Test
    void withoutGroupByAllMatchesAreOneGroup() {
        Fixture f = Fixture.correlation(dir, "type: event_count\nrules: [a]\ntimespan: 1m\ncondition: {gte: 2}\n")
                .event(0, 1001, "User", "alice").event(1, 1001);
        List<Detection> hits = f.hits();
        assertEquals(List.of("corr [1, 2]"), Fixture.summary(hits));
        assertEquals(Map.of(), hits.get(0).correlation().group());
    }

    @Test
    void groupValuesAreComparedAsTextExactly() {
        Fixture f = byUser().event(0, 1001, "User", "alice", "Computer", "WS01")
                .event(1, 1001, "User", "ALICE", "Computer", "WS01")
                .event(2, 1001, "User", 7L, "Computer", "WS01")
                .event(3, 1001, "User", "7", "Computer", "WS01");
        assertEquals(List.of("corr [3, 4]"), Fixture.summary(f.hits()), "the number 7 and the text 7 are one value");
    }

    /** The specification's aliases example: an address that is the destination in one event, the source in another. */
    @Test
    void aliasesReadTheGroupFromAnotherFieldPerRule() {
        Fixture f = Fixture.rules(dir, """
                title: Internal error
                name: internal_error
                logsource: {product: windows, service: security}
                detection:
                    selection:
                        http.response.status_code: 500
                    condition: selection
                ---
                title: New network connection
                name: new_network_connection
                logsource: {product: windows, service: security}
                detection:
                    selection:
                        event.category: network
                        event.type: connection
                        event.outcome: success
                    condition: selection
                ---
                title: Error then connection back
                id: corr
                correlation:
                    type: temporal
                    rules:
                        - internal_error
                        - new_network_connection
                    group-by:
                        - internal_ip
                        - remote_ip
                    timespan: 10s
                    aliases:
                        internal_ip:
                            internal_error: destination.ip
                            new_network_connection: source.ip
                        remote_ip:
                            internal_error: source.ip
                            new_network_connection: destination.ip
                """);
        f.event(0, 1, "http.response.status_code", 500L, "source.ip", "203.0.113.5", "destination.ip", "10.0.0.7")
                .event(4, 2, "event.category", "network", "event.type", "connection", "event.outcome", "success",
                        "source.ip", "10.0.0.8", "destination.ip", "203.0.113.5")       // another internal address
                .event(6, 2, "event.category", "network", "event.type", "connection", "event.outcome", "success",
                        "source.ip", "10.0.0.7", "destination.ip", "203.0.113.5")
                .event(17, 2, "event.category", "network", "event.type", "connection", "event.outcome", "success",
                        "source.ip", "10.0.0.7", "destination.ip", "203.0.113.5");     // 17 s: too late
        List<Detection> hits = f.hits();
        assertEquals(List.of("corr [1, 3]"), Fixture.summary(hits));
        assertEquals(Map.of("internal_ip", "10.0.0.7", "remote_ip", "203.0.113.5"), hits.get(0).correlation().group());
        assertEquals("destination.ip / source.ip", hits.get(0).match().selections().get(1).fields().get(0).ruleValue(),
                "the explanation names the field read per rule");
    }

    /** Group-by fields are read as each rule sees its event: Security 4688 has no User, its mapping makes one. */
    @Test
    void groupByFieldsGoThroughTheLogsourceMapping() {
        Fixture f = Fixture.rules(dir, """
                title: Whoami
                name: whoami
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image|endswith: '\\whoami.exe'}, condition: selection}
                ---
                title: Net
                name: net
                logsource: {product: windows, category: process_creation}
                detection: {selection: {Image|endswith: '\\net.exe'}, condition: selection}
                ---
                title: Recon by one user
                id: corr
                correlation: {type: temporal, rules: [whoami, net], group-by: [User], timespan: 5m}
                """);
        f.event(0, "Microsoft-Windows-Sysmon/Operational", 1, "Image", "C:\\Windows\\System32\\whoami.exe",
                        "User", "CORP\\alice")
                .event(30, "Security", 4688, "NewProcessName", "C:\\Windows\\System32\\net.exe",
                        "SubjectDomainName", "CORP", "SubjectUserName", "alice");
        List<Detection> hits = f.hits();
        assertEquals(List.of("corr [1, 2]"), Fixture.summary(hits));
        assertEquals(Map.of("User", "CORP\\alice"), hits.get(0).correlation().group());
    }
}
