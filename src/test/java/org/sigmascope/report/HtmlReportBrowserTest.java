package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.EvidenceSource;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;
import org.sigmascope.report.pdf.Chromium;

/**
 * The HTML report as a reader sees it: rendered by headless Chromium (Debian's package), its DOM read back, and
 * what it shows checked against the data of real scans. Hostile evidence must stay inert text.
 */
class HtmlReportBrowserTest {
    /** The elements the report writes; anything else in the DOM was injected. */
    private static final Set<String> REPORT_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body",
            "header", "p", "h1", "h2", "h3", "div", "b", "span", "nav", "ol", "ul", "li", "a", "main", "section",
            "details", "summary", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "figure",
            "figcaption", "svg", "g", "text", "rect", "line", "article", "mark", "code", "br", "footer");

    @TempDir
    static Path dir;
    static Chromium chromium;
    static ReportFixtures.Scan deepBlue;

    @BeforeAll
    static void setUp() throws IOException {
        chromium = Chromium.find().map(Chromium::new).orElseThrow(() -> new AssertionError(
                "these tests need Chromium: apt-get install chromium (.ci/run installs it)"));
        deepBlue = ReportFixtures.deepBlue();
    }

    private static Dom render(ReportData data, ReportOptions options, String name) throws IOException {
        Path html = dir.resolve(name + ".html");
        Files.writeString(html, HtmlReportWriter.render(data, options));
        return Dom.parse(chromium.dumpDom(html));
    }

    @Test
    void aReaderSeesTheCountsRuleTitlesAndEvidenceHashesOfARealScan() throws Exception {
        ReportData data = deepBlue.data();
        assertTrue(data.detections().size() > 50, "the corpus scan should find many detections");
        Dom dom = render(data, ReportOptions.defaults(), "deepblue");
        String header = dom.textWithin(e -> e.name().equals("header"));
        assertTrue(header.contains(String.format(Locale.ROOT, "%,d detections", data.detections().size())), header);
        for (Level level : List.of(Level.CRITICAL, Level.HIGH, Level.MEDIUM)) {
            long n = data.detections().stream().filter(d -> d.rule().level() == level).count();
            assertTrue(header.contains(n + " " + level.sigmaName()), level + " in " + header);
        }
        Set<String> titles = new TreeSet<>();
        data.detections().forEach(d -> titles.add(d.rule().title()));
        String rulesTable = dom.textWithin(e -> e.hasClass("rules"));
        String attribution = dom.textWithin(e -> "attribution".equals(e.attr("id")));
        for (String title : titles) {
            assertTrue(rulesTable.contains(title), "rules table lacks " + title);
            assertTrue(attribution.contains(title), "attribution lacks " + title);
        }
        String evidence = dom.textWithin(e -> "evidence".equals(e.attr("id")));
        for (EvidenceSource source : data.evidence()) {
            String hash = sha256(Path.of(source.path()));
            assertEquals(hash, source.sha256());
            assertTrue(evidence.contains(hash), "evidence lacks the hash of " + source.path());
            assertTrue(evidence.contains(source.path()));
        }
        assertEquals(data.detections().size(), dom.all("article").size(), "one article per detection");
        assertEquals(data.detections().size(), dom.all("tr").stream()
                .filter(tr -> tr.within(t -> t.hasClass("timeline")) && tr.within(t -> t.name().equals("tbody")))
                .count(), "one timeline row per detection");
        String trees = dom.textWithin(e -> "process-trees".equals(e.attr("id")));
        assertTrue(trees.contains("exact") && trees.contains("inferred"), "link confidence is shown");
        assertTrue(trees.contains("VALKYRIE.galactica.cc"), trees.substring(0, 200));
        assertEquals(Set.of(), unexpectedElements(dom));
    }

    @Test
    void everyAuthorOfARuleThatFiredIsCredited() throws Exception {
        Dom dom = render(deepBlue.data(), ReportOptions.defaults(), "attribution");
        String attribution = dom.textWithin(e -> "attribution".equals(e.attr("id")));
        for (Detection d : deepBlue.data().detections()) {
            assertTrue(attribution.contains(d.rule().author()), "not credited: " + d.rule().author());
        }
    }

    @Test
    void theLevelThresholdAndTheChosenSectionsShapeTheReport() throws Exception {
        ReportOptions options = ReportOptions.defaults().withMinLevel(Level.HIGH)
                .withSections(Set.of(Section.SUMMARY, Section.DETECTIONS, Section.EVIDENCE));
        Dom dom = render(deepBlue.data(), options, "high-only");
        long high = deepBlue.data().detections().stream().filter(d -> d.rule().level().atLeast(Level.HIGH)).count();
        assertTrue(high > 0 && high < deepBlue.data().detections().size());
        assertEquals(high, dom.all("article").size());
        assertTrue(dom.all("article").stream().allMatch(a -> a.hasClass("lvl-border-high")
                || a.hasClass("lvl-border-critical")));
        assertNotNull(dom.byId("summary"));
        assertNotNull(dom.byId("evidence"));
        for (Section absent : List.of(Section.CASE, Section.TIMELINE, Section.PROCESS_TREES, Section.ATTRIBUTION)) {
            assertEquals(null, dom.byId(absent.anchor()), absent + " should be left out");
        }
        assertFalse(dom.textWithin(e -> "summary".equals(e.attr("id"))).contains("medium"),
                "levels under the threshold are not counted");
    }

    @Test
    void hostileEvidenceAndRulesStayInertText() throws Exception {
        ReportFixtures.Scan hostile = ReportFixtures.hostile();
        assertEquals(2, hostile.data().detections().size(), "the hostile rule fires on both hostile events");
        String html = HtmlReportWriter.render(hostile.data(), ReportOptions.defaults());
        for (String variant : List.of("with-csp", "without-csp")) {
            // Without its CSP the page must be just as inert: the escaping alone holds.
            String page = variant.equals("with-csp") ? html
                    : html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
            assertEquals(variant.equals("with-csp"), page.contains("Content-Security-Policy"));
            Path file = dir.resolve("hostile-" + variant + ".html");
            Files.writeString(file, page);
            Dom dom = Dom.parse(chromium.dumpDom(file));
            assertEquals("Sigmascope report: " + ReportFixtures.HOSTILE_CASE, dom.title(), "no script ran");
            assertEquals(Set.of(), unexpectedElements(dom), variant);
            for (Dom.Element element : dom.elements) {
                for (String attribute : element.attributes().keySet()) {
                    assertFalse(attribute.startsWith("on"), element + " has an event handler");
                }
                String href = element.attr("href");
                assertTrue(href == null || href.startsWith("#") || href.startsWith("https://example.org/advisory"),
                        "unexpected link target " + href);
            }
            String text = dom.text();
            assertTrue(text.contains("<img src=x onerror=document.title='pwned-img'>"), "payload shown as text");
            assertTrue(text.contains("</script><script>document.title='pwned-script'</script>"));
            assertTrue(text.contains("javascript:document.title='pwned-js'"));
            assertTrue(text.contains("=cmd|' /C calc'!A0"));
            assertTrue(text.contains("Hostile <img src=x onerror=\"document.title='pwned-rule-title'\">"));
            assertTrue(text.contains("</td></tr></table><script>document.title='pwned-note'</script>"));
            assertTrue(text.contains("<img src=x onerror=document.title='pwned-fieldname'>"), "field names too");
            String shown = dom.textWithin(e -> e.hasClass("ctl"));
            assertTrue(shown.contains("\\u202E"), "a right-to-left override is made visible: " + shown);
            assertFalse(text.contains("\u202E"), "and never reaches the page as the character itself");
            assertTrue(shown.contains("\\u0000") && shown.contains("\\u0007") && shown.contains("\\u001B"),
                    "control characters are made visible: " + shown);
            assertTrue(text.contains("javascript:document.title=\"pwned-reference\""), "unsafe references stay text");
        }
    }

    @Test
    void theHarnessSeesAnInjectionWhenThereIsOne() throws Exception {
        // The same payloads written without escaping, to prove the checks above would catch a real injection.
        Path file = dir.resolve("unescaped.html");
        Files.writeString(file, "<!DOCTYPE html><html><head><title>t</title></head><body><p>"
                + "</script><script>document.title='pwned-script'</script>"
                + "<img src=x onerror=\"document.body.dataset.pwned='img'\"></p></body></html>");
        Dom dom = Dom.parse(chromium.dumpDom(file));
        assertEquals("pwned-script", dom.title());
        assertEquals(Set.of("img", "script"), unexpectedElements(dom));
        assertEquals("img", dom.all("body").get(0).attr("data-pwned"), "an onerror handler runs in this harness");
    }

    private static Set<String> unexpectedElements(Dom dom) {
        Set<String> unexpected = new TreeSet<>();
        dom.elements.forEach(e -> {
            if (!REPORT_ELEMENTS.contains(e.name())) {
                unexpected.add(e.name());
            }
        });
        return unexpected;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
