package org.sigmascope.report.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.EvidenceSource;
import org.sigmascope.report.model.ProcessNode;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.report.model.TaggedEvent;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlFilter;

/** Report data read from a real case matches what the case holds, and reads the same twice. */
class CaseReportTest {
    private static final Instant EXPORTED = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path dir;
    static AnnotatedCase annotated;
    static ReportData data;

    @BeforeAll
    static void read() throws IOException {
        annotated = AnnotatedCase.make(dir);
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            data = CaseReport.read(store, CaseDetails.named(""), EXPORTED, true);
        }
    }

    @Test
    void evidenceHasTheHashesAndFiguresOfTheImport() throws IOException {
        assertEquals(5, data.evidence().size(), "the JSONL sample and four EVTX files: " + data.evidence());
        long events = 0;
        for (EvidenceSource source : data.evidence()) {
            assertEquals(Sha256.of(Path.of(source.path())), source.sha256(), source.path());
            assertTrue(source.size() > 0 && source.events() > 0, source.toString());
            assertEquals("", source.error());
            events += source.events();
        }
        assertEquals(annotated.events(), events, "the figures add up to the case's events");
    }

    @Test
    void detectionsAreTheCasesWithTheirExplanationsAndFields() {
        assertEquals(annotated.detections(), data.detections().size());
        assertTrue(data.detections().stream().allMatch(d -> !d.match().selections().isEmpty()
                && !d.event().fields().isEmpty()), "every detection says why and what the event held");
        assertTrue(data.detections().stream().anyMatch(d -> d.rule().title().contains("WMI Persistence")));
    }

    @Test
    void theRuleSetHasTheHashAScanWithTheSameRulesShows() {
        RuleSetIdentity scanned = RuleSetIdentity.of(RuleLoader.load(List.of(BuiltinRules.source())), List.of());
        assertEquals(scanned.loaded(), data.rules().loaded());
        assertEquals(scanned.sha256(), data.rules().sha256());
    }

    @Test
    void taggedStarredAndNotedEventsCarryTheAnalystsWords() {
        assertEquals(annotated.annotated(), data.tagged().size());
        Set<String> tags = new TreeSet<>();
        Set<String> notes = new TreeSet<>();
        for (TaggedEvent t : data.tagged()) {
            tags.addAll(t.tags());
            t.notes().forEach(n -> notes.add(n.text()));
            t.notes().forEach(n -> assertNotNull(n.time()));
        }
        assertEquals(Set.of(AnnotatedCase.TAG, CaseTagged.STARRED), tags);
        assertTrue(notes.contains(AnnotatedCase.NOTE) && notes.contains(AnnotatedCase.STARRED_NOTE), notes.toString());
        assertEquals(AnnotatedCase.CASE_NOTE, data.caseDetails().description());
        assertEquals("wmi-case", data.caseDetails().name());
        assertNotNull(data.caseDetails().opened());
    }

    @Test
    void processTreesHoldTheDetectedProcessesWithTheirLinks() {
        List<ProcessNode> flagged = data.processes().stream().filter(ProcessNode::hasDetections).toList();
        assertFalse(flagged.isEmpty());
        assertTrue(flagged.stream().anyMatch(p -> p.image().toLowerCase().endsWith("scrcons.exe")), flagged.toString());
        Set<ProcessNode.LinkConfidence> links = new TreeSet<>();
        data.processes().forEach(p -> links.add(p.parentLink()));
        assertTrue(links.contains(ProcessNode.LinkConfidence.EXACT), links.toString());
        assertTrue(links.contains(ProcessNode.LinkConfidence.INFERRED), "WS02 has only Security 4688: " + links);
        long badges = data.processes().stream().mapToLong(p -> p.badges().size()).sum();
        assertTrue(badges > 0 && badges <= annotated.detections(), "badges: " + badges);
    }

    @Test
    void theTreesOfTheProcessEventsAreTheTreesOfAllEvents() throws IOException {
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            long all = store.eventCount();
            long process = store.timeline().count(CaseTrees.processEvents());
            assertTrue(process > 0 && process < all, process + " of " + all);
            assertEquals(CaseTrees.nodes(CaseReport.events(store, SqlFilter.all()), data.detections()),
                    CaseTrees.nodes(CaseReport.events(store, CaseTrees.processEvents()), data.detections()));
        }
    }

    @Test
    void theSameCaseReadsTheSameTwice() throws IOException {
        ReportData again;
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            again = CaseReport.read(store, CaseDetails.named(""), EXPORTED, true);
        }
        assertEquals(HtmlReportWriter.render(data, ReportOptions.defaults()),
                HtmlReportWriter.render(again, ReportOptions.defaults()));
    }
}
