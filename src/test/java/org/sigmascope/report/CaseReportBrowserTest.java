package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.cli.SigmascopeCommand;
import org.sigmascope.report.cases.AnnotatedCase;
import org.sigmascope.report.pdf.Chromium;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;

/**
 * {@code sigmascope report --case} as a reader sees it: the report of a real, annotated case rendered by headless
 * Chromium, its DOM read back, and what it shows checked against the case.
 */
class CaseReportBrowserTest {
    @TempDir
    static Path dir;
    static AnnotatedCase annotated;
    static Dom dom;

    @BeforeAll
    static void render() throws IOException {
        Chromium chromium = Chromium.find().map(Chromium::new).orElseThrow(() -> new AssertionError(
                "these tests need Chromium: apt-get install chromium (.ci/run installs it)"));
        annotated = AnnotatedCase.make(dir);
        Path html = dir.resolve("report.html");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SigmascopeCommand.run(new String[] {"report", "--case", annotated.file().toString(), "-o",
            html.toString(), "--examiner", "A. Analyst", "--reference", "IR-2026-042"}, new ByteArrayOutputStream(),
                err);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        dom = Dom.parse(chromium.dumpDom(html));
    }

    private static String section(String id) {
        return dom.textWithin(e -> id.equals(e.attr("id")));
    }

    @Test
    void theCountsAreTheCases() {
        String header = dom.textWithin(e -> e.name().equals("header"));
        assertTrue(header.contains(String.format(Locale.ROOT, "%,d detections", annotated.detections())), header);
        assertEquals(annotated.detections(), dom.all("article").size(), "one article per detection");
        long tagged = dom.all("tr").stream().filter(tr -> tr.within(t -> t.hasClass("tagged"))
                && tr.within(t -> t.name().equals("tbody"))).count();
        assertEquals(annotated.annotated(), tagged, "one row per tagged, starred or noted event");
    }

    @Test
    void theAnalystsTagsAndNotesAreShownAsWritten() {
        String tagged = section("tagged-events");
        assertTrue(tagged.contains(AnnotatedCase.TAG) && tagged.contains("starred"), tagged);
        assertTrue(tagged.contains(AnnotatedCase.NOTE), "the note, markup as text: " + tagged);
        assertTrue(tagged.contains(AnnotatedCase.STARRED_NOTE));
        String details = section("case");
        assertTrue(details.contains(AnnotatedCase.CASE_NOTE) && details.contains("A. Analyst")
                && details.contains("IR-2026-042") && details.contains("wmi-case"), details);
    }

    @Test
    void evidenceHashesTreesAndRulesAreThere() throws IOException {
        String evidence = section("evidence");
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            for (SourceRow source : store.sources()) {
                assertTrue(evidence.contains(source.sha256()), "no hash for " + source.displayName());
            }
        }
        String trees = section("process-trees");
        assertTrue(trees.contains("scrcons.exe") && trees.contains("WS02.corp.example"), trees);
        assertTrue(trees.contains("exact") && trees.contains("inferred"), "link confidence is shown");
        String attribution = section("attribution");
        assertTrue(attribution.contains("WMI Persistence - Script Event Consumer"), attribution);
    }
}
