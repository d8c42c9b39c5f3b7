package org.sigmascope.report.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the report with headless Chromium, which lays out HTML, CSS and SVG exactly as the analyst saw them on
 * screen, using the report's print style sheet (A4, no navigation, colours kept). No header or footer is added.
 */
public final class ChromiumPdfRenderer implements PdfRenderer {
    private final Chromium chromium;

    public ChromiumPdfRenderer(Chromium chromium) {
        this.chromium = chromium;
    }

    @Override
    public void render(Path html, Path pdf) throws IOException {
        Path target = pdf.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(target);
        chromium.run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + target), html);
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            throw new IOException("Chromium did not write the PDF " + target);
        }
    }
}
