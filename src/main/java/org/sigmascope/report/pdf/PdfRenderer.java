package org.sigmascope.report.pdf;

import java.io.IOException;
import java.nio.file.Path;

/** Turns a self-contained HTML report into a PDF. */
public interface PdfRenderer {

    /** Writes {@code pdf} from {@code html}; the HTML file is only read. */
    void render(Path html, Path pdf) throws IOException;

    /** The renderer of this machine: headless Chromium, or an exception saying it is missing and how to get it. */
    static PdfRenderer find() throws ChromiumNotFoundException {
        return new ChromiumPdfRenderer(Chromium.locate());
    }
}
