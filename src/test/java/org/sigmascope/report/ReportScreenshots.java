package org.sigmascope.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.sigmascope.model.Level;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;
import org.sigmascope.report.pdf.Chromium;

/**
 * Makes the screenshots of docs/reports.md from the same real scans the tests use: run by
 * {@code docs/screenshots/make-report-screenshots.sh}, not by the build. Each picture is the report with a few
 * sections chosen, as the export dialog would make it, taken by headless Chromium.
 */
public final class ReportScreenshots {
    private ReportScreenshots() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Chromium chromium = Chromium.locate();
        ReportData deep = ReportFixtures.deepBlue().data();
        ReportData samples = ReportFixtures.samples().data();
        shot(chromium, deep, EnumSet.of(Section.EVIDENCE, Section.PROVENANCE, Section.SUMMARY), Level.LOW,
                out.resolve("report-summary.png"), 1900);
        shot(chromium, deep, EnumSet.of(Section.TIMELINE), Level.HIGH, out.resolve("report-timeline.png"), 1200);
        shot(chromium, samples, EnumSet.of(Section.DETECTIONS), Level.INFORMATIONAL,
                out.resolve("report-detection.png"), 1250);
        shot(chromium, samples, EnumSet.of(Section.PROCESS_TREES, Section.TAGGED_EVENTS, Section.ATTRIBUTION),
                Level.INFORMATIONAL, out.resolve("report-process-trees.png"), 1250);
        Path pdf = Path.of("target", "report-screenshots", "sample-report.pdf");
        ReportExporter.export(samples, ReportOptions.defaults(), ReportExporter.Format.PDF, pdf);
        System.out.println("wrote screenshots to " + out.toAbsolutePath() + " and " + pdf);
    }

    private static void shot(Chromium chromium, ReportData data, Set<Section> sections, Level level, Path png,
                             int height) throws IOException {
        Path html = Files.createTempFile("sigmascope-shot-", ".html");
        try {
            Files.writeString(html, HtmlReportWriter.render(data, ReportOptions.defaults().withSections(sections)
                    .withMinLevel(level)));
            chromium.screenshot(html, png, 1280, height);
        } finally {
            Files.deleteIfExists(html);
        }
    }
}
