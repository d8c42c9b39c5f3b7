package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Level;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;

/** The report's page shape, without a browser: its policy, its one style sheet, and its empty states. */
class HtmlReportTest {
    @Test
    void thePolicyAllowsExactlyTheReportsOwnStyleSheetAndNothingElse() throws Exception {
        String html = HtmlReportWriter.render(ReportFixtures.samples().data(), ReportOptions.defaults());
        int meta = html.indexOf("<meta http-equiv=\"Content-Security-Policy\"");
        assertTrue(meta > 0 && meta < html.indexOf("<title>"), "the policy comes before any content");
        String css = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(css.getBytes(StandardCharsets.UTF_8)));
        assertTrue(HtmlReportWriter.CONTENT_SECURITY_POLICY.contains("style-src 'sha256-" + hash + "'"));
        assertTrue(HtmlReportWriter.CONTENT_SECURITY_POLICY.startsWith("default-src 'none'"));
        assertEquals(1, html.split("<style>", -1).length - 1, "one style sheet");
        assertFalse(html.contains("<script"), "no script at all");
        assertFalse(html.contains(" style=\""), "no inline style attribute (the policy would block it)");
        assertFalse(html.matches("(?s).*(src|href)=\"(?!#|https?://).*"), "no link or source but anchors and http(s)");
    }

    @Test
    void aCorrelationHitShowsItsTypeGroupAndLinksToTheEventsBehindIt() throws Exception {
        ReportData samples = ReportFixtures.samples().data();
        List<org.sigmascope.model.Detection> singles = samples.detections();
        org.sigmascope.model.Detection last = singles.get(singles.size() - 1);
        org.sigmascope.model.RuleInfo rule = new org.sigmascope.model.RuleInfo("corr-1",
                "WMI consumer on several hosts", Level.HIGH, "test", "A. Analyst", "", List.of(),
                List.of("attack.persistence"), "", "rules/corr.yml");
        org.sigmascope.model.Detection hit = new org.sigmascope.model.Detection(last.event(), rule,
                new org.sigmascope.model.Match(List.of()), new org.sigmascope.model.Detection.CorrelationHit(
                        "value_count", java.util.Map.of("Image", "C:\\Windows\\System32\\wbem\\scrcons.exe"),
                        singles.stream().map(d -> d.event().id()).toList()));
        List<org.sigmascope.model.Detection> all = new java.util.ArrayList<>(singles);
        all.add(hit);
        ReportData data = new ReportData(samples.caseDetails(), samples.exportedAt(), samples.tool(),
                samples.rules(), samples.evidence(), all, samples.processes(), samples.tagged());
        String html = HtmlReportWriter.render(data, ReportOptions.defaults().withSections(EnumSet.of(
                Section.DETECTIONS)));
        Dom dom = Dom.parse(html);
        String text = dom.text();
        assertTrue(text.contains("value_count"), "the correlation type");
        assertTrue(text.contains("Image=C:\\Windows\\System32\\wbem\\scrcons.exe"), "its group");
        List<String> links = dom.all("a").stream().filter(a -> a.within(e -> e.name().equals("article")))
                .map(a -> a.attr("href")).toList();
        assertEquals(List.of("#d-0", "#d-1"), links, "links to the detections on the events behind it");
        java.io.StringWriter csv = new java.io.StringWriter();
        ReportExporter.write(data, ReportOptions.defaults(), ReportExporter.Format.HAYABUSA, csv);
        String row = csv.toString().lines().filter(l -> l.contains("WMI consumer on several hosts")).findFirst()
                .orElseThrow();
        assertTrue(row.contains(",high,WS02.corp.example,Sec,,,Type: value_count ¦ Events: 2 ¦ Image: "), row);
    }

    @Test
    void anEmptyCaseSaysSoInEverySection() {
        ReportData empty = new ReportData(CaseDetails.named("Nothing found"), ReportFixtures.EXPORTED,
                org.sigmascope.report.model.ToolInfo.current("reference"),
                new org.sigmascope.report.model.RuleSetIdentity(0, 0, "", List.of(), List.of()), List.of(), List.of(),
                List.of(), List.of());
        String html = HtmlReportWriter.render(empty, ReportOptions.defaults());
        assertTrue(html.contains("No evidence was recorded."));
        assertTrue(html.contains("No detections at this level threshold."));
        assertTrue(html.contains("No process trees were built for this report."));
        assertTrue(html.contains("No events were tagged or annotated."));
        assertTrue(html.contains("No rule fired at this level threshold."));
    }

    @Test
    void detailLimitsKeepANoisyCaseReadable() throws Exception {
        ReportData data = ReportFixtures.deepBlue().data();
        ReportOptions options = ReportOptions.defaults().withSections(EnumSet.of(Section.TIMELINE,
                Section.DETECTIONS)).withMinLevel(Level.INFORMATIONAL).withLimits(10, 20);
        String html = HtmlReportWriter.render(data, options);
        assertEquals(10, html.split("<article ", -1).length - 1);
        assertTrue(html.contains("The first 10 of " + data.detections().size() + " detections are shown in full"));
        assertTrue(html.contains("The first 20 of " + data.detections().size() + " detections are listed"));
    }
}
