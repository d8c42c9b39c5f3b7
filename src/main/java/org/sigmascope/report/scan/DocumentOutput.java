package org.sigmascope.report.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.report.OutputFiles;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.Section;
import org.sigmascope.report.model.ToolInfo;
import org.sigmascope.report.pdf.PdfRenderer;

/**
 * The HTML report (or its PDF) of a one-shot scan: collects the sources and detections, then writes the report
 * when the scan ends. A one-shot scan has no process trees or tagged events; those sections are left out.
 */
final class DocumentOutput implements ScanOutput {
    private final ScanCollector collector = new ScanCollector(false);
    private final ScanContext context;
    private final Writer out;
    /** Set for a PDF: found before the scan starts, so a missing browser fails fast. */
    private final PdfRenderer pdf;

    DocumentOutput(ScanContext context, Writer out, PdfRenderer pdf) {
        this.context = context;
        this.out = out;
        this.pdf = pdf;
    }

    @Override
    public void detection(Detection detection) {
        collector.detection(detection);
    }

    @Override
    public void sourceFinished(Source source, SourceStats stats) {
        collector.sourceFinished(source, stats);
    }

    @Override
    public void sourceFailed(Source source, String message) {
        collector.sourceFailed(source, message);
    }

    ReportData report() {
        String inputs = context.inputs().stream().map(Path::toString).collect(Collectors.joining(", "));
        return collector.toReport(CaseDetails.named("Scan of " + inputs), Instant.now(),
                ToolInfo.current(context.engine()), RuleSetIdentity.of(context.rules(), context.ruleSources()));
    }

    @Override
    public void close() throws IOException {
        // A one-shot scan builds no process trees and has no analyst's tags: those sections would only be empty.
        java.util.Set<Section> sections = java.util.EnumSet.allOf(Section.class);
        sections.removeAll(java.util.List.of(Section.PROCESS_TREES, Section.TAGGED_EVENTS));
        ReportOptions options = ReportOptions.defaults().withSections(sections).withMinLevel(context.minLevel())
                .withZone(context.zone());
        if (pdf == null) {
            HtmlReportWriter.write(report(), options, out);
            return;
        }
        Path html = Files.createTempFile("sigmascope-report-", ".html");
        try {
            Files.writeString(html, HtmlReportWriter.render(report(), options));
            // Chromium writes beside the target and the PDF is moved in place whole: a kill leaves no half PDF.
            Path partial = OutputFiles.partial(context.outputFile());
            try {
                pdf.render(html, partial);
                OutputFiles.commit(partial, context.outputFile());
            } finally {
                Files.deleteIfExists(partial);
            }
        } finally {
            Files.deleteIfExists(html);
        }
    }
}
