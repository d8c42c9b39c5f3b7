package org.sigmascope.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import org.sigmascope.model.Level;
import org.sigmascope.report.Times;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;

/**
 * The HTML report: one self-contained file. Its Content-Security-Policy allows nothing but its own style sheet
 * (by hash): no script runs, nothing is fetched, no form is sent, even if an escaping bug let markup through.
 * Sections collapse with {@code <details>}, which needs no script. The same data and options give the same bytes,
 * apart from the export time.
 */
public final class HtmlReportWriter {
    private static final String CSS = loadCss();
    /** Everything denied except the inline style sheet, named by its hash. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + cssHash() + "'; "
            + "img-src 'none'; base-uri 'none'; form-action 'none'";

    private HtmlReportWriter() {
    }

    public static void write(ReportData data, ReportOptions options, Writer out) throws IOException {
        out.write(render(data, options));
        out.flush();
    }

    public static String render(ReportData data, ReportOptions options) {
        ReportView view = new ReportView(data, options);
        HtmlOut out = new HtmlOut();
        out.trusted("<!DOCTYPE html>\n").open("html", "lang", "en").newline().open("head").newline()
                .empty("meta", "charset", "utf-8").newline()
                .empty("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).newline()
                .empty("meta", "name", "referrer", "content", "no-referrer").newline()
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline()
                .empty("meta", "name", "generator", "content", data.tool().name() + " " + data.tool().version())
                .newline()
                .element("title", "Sigmascope report: " + data.caseDetails().name()).newline()
                .open("style").trusted(CSS).close("style").newline()
                .close("head").newline().open("body");
        header(out, view);
        toc(out, options);
        out.open("main");
        for (Section section : options.sections()) {
            Parts.openSection(out, section);
            switch (section) {
                case CASE -> CaseSection.write(out, view);
                case EVIDENCE -> EvidenceSection.write(out, view);
                case PROVENANCE -> ProvenanceSection.write(out, view);
                case SUMMARY -> SummarySection.write(out, view);
                case TIMELINE -> TimelineSection.write(out, view);
                case DETECTIONS -> DetectionsSection.write(out, view);
                case PROCESS_TREES -> ProcessTreeSection.write(out, view);
                case TAGGED_EVENTS -> TaggedEventsSection.write(out, view);
                case ATTRIBUTION -> AttributionSection.write(out, view);
            }
            Parts.closeSection(out);
        }
        out.newline().close("main");
        out.open("footer", "class", "report").text("Made with " + data.tool().name() + " " + data.tool().version()
                + " on " + Times.format(data.exportedAt(), options.zone()) + ". Event content is shown as the "
                + "evidence recorded it; characters that hide or reorder text are shown as \\uXXXX.")
                .close("footer");
        out.close("body").close("html").newline();
        if (!out.balanced()) {
            throw new IllegalStateException("the report's elements are not balanced");
        }
        return out.toString();
    }

    private static void header(HtmlOut out, ReportView view) {
        ReportData data = view.data;
        out.open("header", "class", "report").element("p", "Sigma detection report", "class", "kicker")
                .element("h1", data.caseDetails().name());
        String reference = data.caseDetails().reference();
        out.element("p", (reference.isEmpty() ? "" : reference + " · ") + "exported "
                + Times.format(data.exportedAt(), view.options.zone()) + " · times in "
                + Times.zoneName(view.options.zone()), "class", "meta");
        out.open("div", "class", "figures");
        figure(out, view.detections.size(), "detections");
        for (Level level : new Level[] {Level.CRITICAL, Level.HIGH, Level.MEDIUM}) {
            if (view.byLevel.containsKey(level)) {
                figure(out, view.byLevel.get(level), level.sigmaName());
            }
        }
        figure(out, view.byRule.size(), "rules fired");
        figure(out, view.byHost.size(), "hosts");
        figure(out, data.evidence().size(), "evidence files");
        out.close("div").close("header");
    }

    private static void figure(HtmlOut out, long value, String label) {
        out.open("div", "class", "figure").element("b", String.format(Locale.ROOT, "%,d", value))
                .element("span", label).close("div");
    }

    private static void toc(HtmlOut out, ReportOptions options) {
        out.open("nav", "class", "toc").open("ol");
        for (Section section : options.sections()) {
            out.open("li").element("a", section.title(), "href", "#" + section.anchor()).close("li");
        }
        out.close("ol").close("nav");
    }

    private static String loadCss() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cssHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CSS.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
