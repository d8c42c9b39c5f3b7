package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;

/** The same case exported twice gives the same bytes, apart from the export time, whatever order it was filled in. */
class DeterminismTest {
    @Test
    void twoExportsOfTheSameCaseDifferOnlyInTheExportTime() throws IOException {
        ReportData data = ReportFixtures.deepBlue().data();
        ReportData again = refilled(data, Instant.parse("2026-02-01T17:45:12.5Z"), new Random(7));
        for (ReportOptions options : List.of(ReportOptions.defaults(),
                ReportOptions.defaults().withZone(ZoneId.of("Europe/Berlin")))) {
            String first = HtmlReportWriter.render(data, options);
            String second = HtmlReportWriter.render(again, options);
            assertNotEquals(first, second, "the export time is in the report");
            assertEquals(withoutExportTime(first, data, options), withoutExportTime(second, again, options));
        }
    }

    @Test
    void detectionExportsAreTheSameBytesWhateverTheOrderOfTheData() throws IOException {
        ReportData data = ReportFixtures.deepBlue().data();
        ReportData shuffled = refilled(data, data.exportedAt(), new Random(11));
        for (ReportExporter.Format format : List.of(ReportExporter.Format.CSV, ReportExporter.Format.JSONL,
                ReportExporter.Format.HAYABUSA, ReportExporter.Format.HTML)) {
            String a = export(data, format);
            String b = export(shuffled, format);
            assertTrue(a.length() > 1000, format + " wrote little: " + a.length());
            assertEquals(a, b, format + " depends on the order the data was filled in");
        }
    }

    private static String export(ReportData data, ReportExporter.Format format) throws IOException {
        StringWriter out = new StringWriter();
        ReportExporter.write(data, ReportOptions.defaults(), format, out);
        return out.toString();
    }

    /** The same case, its lists in another order, exported at another time. */
    private static ReportData refilled(ReportData data, Instant exportedAt, Random random) {
        return new ReportData(data.caseDetails(), exportedAt, data.tool(), data.rules(),
                shuffled(data.evidence(), random), shuffled(data.detections(), random),
                shuffled(data.processes(), random), shuffled(data.tagged(), random));
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static String withoutExportTime(String html, ReportData data, ReportOptions options) {
        String time = Times.format(data.exportedAt(), options.zone());
        assertTrue(html.contains(time));
        return html.replace(time, "EXPORT-TIME");
    }
}
