package org.sigmascope.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printing the report to PDF with headless Chromium, and a clear word when there is no browser. */
class ChromiumPdfTest {
    @TempDir
    Path dir;

    @Test
    void printsAnHtmlFileToAPdf() throws IOException {
        Path html = dir.resolve("r.html");
        Files.writeString(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head>"
                + "<body><h1>Report</h1><p>" + "line of text ".repeat(4000) + "</p></body></html>");
        Path pdf = dir.resolve("out/r.pdf");
        PdfRenderer.find().render(html, pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF header");
        assertTrue(text.stripTrailing().endsWith("%%EOF"), "a complete PDF");
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("/Count (\\d+)").matcher(text);
        int pages = 0;
        while (count.find()) {
            pages = Math.max(pages, Integer.parseInt(count.group(1)));
        }
        assertTrue(pages >= 2, "the long page is printed on several A4 pages: " + pages);
    }

    @Test
    void aMissingBrowserIsReportedWithWhatToInstall() {
        ChromiumNotFoundException e = assertThrows(ChromiumNotFoundException.class,
                () -> Chromium.locate(null, dir.toString(), List.of(dir.resolve("nothing").toString())));
        assertTrue(e.getMessage().contains("apt-get install chromium"), e.getMessage());
        assertTrue(e.getMessage().contains(Chromium.ENVIRONMENT), e.getMessage());
    }

    @Test
    void theConfiguredBrowserIsTheOnlyOneLookedFor() throws IOException {
        Path fake = Files.createFile(dir.resolve("chromium"));
        assertTrue(fake.toFile().setExecutable(true));
        assertEquals(Optional.of(fake), Chromium.find(null, dir.toString(), List.of()));
        assertEquals(Optional.empty(), Chromium.find(dir.resolve("missing").toString(), dir.toString(), List.of()));
        assertEquals(Optional.of(fake), Chromium.find(fake.toString(), "", List.of()));
    }
}
