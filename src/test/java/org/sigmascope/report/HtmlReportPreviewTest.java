package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.ReportOptions;

class HtmlReportPreviewTest {
    @Test
    void writesPreviews() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/report-preview"));
        ReportFixtures.Scan samples = ReportFixtures.samples();
        Files.writeString(dir.resolve("samples.html"), HtmlReportWriter.render(samples.data(), ReportOptions.defaults()));
        ReportFixtures.Scan deep = ReportFixtures.deepBlue(Files.createTempDirectory("deep"));
        Files.writeString(dir.resolve("deepblue.html"), HtmlReportWriter.render(deep.data(), ReportOptions.defaults()));
        assertTrue(true);
    }
}
