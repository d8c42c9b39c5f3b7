package org.sigmascope.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.TaggedEvent;
import org.sigmascope.report.model.ToolInfo;
import org.sigmascope.report.scan.ScanCollector;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.correlation.CorrelationPlan;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Report data made from real scans: the repository's samples, the Rust evtx crate's exports of DeepBlueCLI's
 * attack samples with SigmaHQ's Windows rules, and crafted hostile evidence and rules.
 */
final class ReportFixtures {
    static final Instant EXPORTED = Instant.parse("2026-01-15T10:00:00Z");
    /** DeepBlueCLI samples with process starts (Sysmon 1, 4688), credential theft and account changes. */
    static final List<String> DEEPBLUE = List.of("metasploit-sysmon", "sliver-sysmon", "sliver-security",
            "mimikatz-privesc-hashdump", "psattack-security", "new-user-security", "powersploit-security",
            "metasploit-psexec-native-target-system");

    /** A scan's results, with every event kept. */
    record Scan(ReportData data, List<Event> events, RuleSet rules) {
    }

    private ReportFixtures() {
    }

    static Scan scan(String caseName, List<Path> inputs, List<RuleLoader.RuleSource> ruleSources,
                     List<String> ruleSourceNames) throws IOException {
        RuleSet rules = RuleLoader.load(ruleSources);
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        ScanCollector collector = new ScanCollector(true);
        Scanner.scan(new ScanRequest(inputs, engine, ReadOptions.defaults(), Level.INFORMATIONAL, 1, 1)
                .withCorrelations(CorrelationPlan.of(rules, LogsourceMapping.builtin())), collector,
                Progress.NONE, Cancellation.NEVER);
        List<Detection> detections = collector.detections();
        ReportData data = new ReportData(
                new CaseDetails(caseName, "IR-2026-004", "A. Analyst", "Example Corp CSIRT",
                        "Report tests: a real scan of real evidence.\nSecond line of the description.",
                        Instant.parse("2026-01-12T08:30:00Z")),
                EXPORTED, ToolInfo.current("reference"), RuleSetIdentity.of(rules, ruleSourceNames),
                collector.evidence(), detections, ProcessNodesFromEvents.build(collector.events(), detections),
                List.of());
        return new Scan(data, collector.events(), rules);
    }

    /** The WMI persistence sample with the built-in rules, and two tagged events with notes. */
    static Scan samples() throws IOException {
        Scan scan = scan("WMI persistence on WS01 and WS02", List.of(Corpus.project("samples/wmi-persistence")),
                List.of(BuiltinRules.source()), List.of("builtin:windows/"));
        List<TaggedEvent> tagged = new ArrayList<>();
        for (Detection d : scan.data().detections()) {
            tagged.add(new TaggedEvent(d.event(), List.of("persistence", "confirmed"), List.of(
                    new TaggedEvent.Note("A. Analyst", Instant.parse("2026-01-13T09:00:00Z"),
                            "scrcons.exe started by svchost -k DcomLaunch: a WMI event consumer ran.\n"
                                    + "Next: check the WMI repository for the consumer."))));
        }
        return new Scan(withTagged(scan.data(), tagged), scan.events(), scan.rules());
    }

    private static Scan deepBlue;

    /**
     * DeepBlueCLI samples (the evtx crate's JSON of them, decompressed under {@code target/}), SigmaHQ's Windows
     * rules and the built-in ones. Scanned once per test run: loading 2,000 rules takes seconds.
     */
    static synchronized Scan deepBlue() throws IOException {
        if (deepBlue != null) {
            return deepBlue;
        }
        Path evidence = Files.createDirectories(Path.of("target", "report-fixtures", "deepblue"));
        for (String name : DEEPBLUE) {
            Path gz = Corpus.path("evtx-ref/evtx/sans-blue-team+DeepBlueCLI/evtx/" + name
                    + ".evtx.evtx-crate-0.8.5.jsonl.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, evidence.resolve(name + ".jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path sigma = Corpus.path("sigma/rules/rules/windows");
        deepBlue = scan("DeepBlueCLI attack samples", List.of(evidence),
                List.of(BuiltinRules.source(), RuleLoader.RuleSource.of(sigma)),
                List.of("builtin:windows/", "SigmaHQ rules/windows (corpus)"));
        return deepBlue;
    }

    /** The hostile case name: it reaches the page title, the header and the case section. */
    static final String HOSTILE_CASE = "Case <script>document.title='pwned-case'</script> & \"quotes\" 'too'";

    /**
     * Crafted hostile evidence (HTML and script payloads, a right-to-left override, control characters, formulas)
     * and a hostile rule (title, description, author, licence, references, tags), scanned for real; plus hostile
     * tags and notes on the events.
     */
    static Scan hostile() throws IOException {
        Path dir = resourceDir("hostile");
        Scan scan = scan(HOSTILE_CASE, List.of(dir.resolve("hostile-events.jsonl")),
                List.of(BuiltinRules.source(), RuleLoader.RuleSource.of(dir.resolve("hostile-rule.yml"))),
                List.of("builtin:windows/", "hostile-rule.yml"));
        List<TaggedEvent> tagged = new ArrayList<>();
        for (Event e : scan.events()) {
            tagged.add(new TaggedEvent(e, List.of("<b>tag</b>", "=1+1"), List.of(new TaggedEvent.Note(
                    "<img src=x onerror=document.title='pwned-note-author'>", Instant.parse("2026-01-13T09:00:00Z"),
                    "</td></tr></table><script>document.title='pwned-note'</script>\n=cmd|' /C calc'!A0"))));
        }
        ReportData data = scan.data();
        ReportData hostile = new ReportData(new CaseDetails(HOSTILE_CASE, "<i>ref</i>", "\u202Eevil examiner",
                "<iframe src=javascript:alert(1)>", "</style><script>document.title='pwned-description'</script>",
                null), data.exportedAt(), data.tool(), data.rules(), data.evidence(), data.detections(),
                data.processes(), tagged);
        return new Scan(hostile, scan.events(), scan.rules());
    }

    static Path resourceDir(String name) {
        try {
            return Path.of(ReportFixtures.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportData withTagged(ReportData data, List<TaggedEvent> tagged) {
        return new ReportData(data.caseDetails(), data.exportedAt(), data.tool(), data.rules(), data.evidence(),
                data.detections(), data.processes(), tagged);
    }

    static String resource(String name) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
