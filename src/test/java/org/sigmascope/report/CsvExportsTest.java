package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.report.export.EventWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;

/**
 * Every CSV we write (detections, the timeline view, Hayabusa's layout) neutralizes cells a spreadsheet would run
 * as formulas, and reads back as the cells written.
 */
class CsvExportsTest {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    static List<String[]> parse(String csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** No cell of any row may start with a character that makes a spreadsheet evaluate it. */
    static void assertNoFormula(List<String[]> rows) {
        for (String[] row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        "a cell a spreadsheet would run: " + cell);
            }
        }
    }

    @Test
    void detectionCsvNeutralizesFormulasFromEvidenceAndRules() throws IOException {
        List<String[]> rows = export(ReportFixtures.hostile().data(), ReportOptions.defaults(),
                ReportExporter.Format.CSV);
        assertEquals(3, rows.size(), "header and two detections");
        assertNoFormula(rows);
        int author = List.of(rows.get(0)).indexOf("rule_author");
        assertTrue(rows.get(1)[author].startsWith("'=cmd|' /C calc'!A0"), rows.get(1)[author]);
    }

    @Test
    void timelineCsvHasTheChosenColumnsAndNoFormulas() throws IOException {
        ReportFixtures.Scan scan = ReportFixtures.hostile();
        StringWriter out = new StringWriter();
        List<String> columns = List.of("timestamp", "computer", "event_id", "ParentImage", "Description", "Product",
                "Company", "OriginalFileName", "FileVersion", "CommandLine", "detections", "max_level", "NoSuchField");
        EventWriter writer = ReportExporter.timelineCsv(out, columns, ReportOptions.defaults(), id -> "hostile.jsonl");
        ReportExporter.writeEvents(scan.events(), e -> detectionsOn(scan.data(), e), writer);
        List<String[]> rows = parse(out.toString());
        assertEquals(columns, List.of(rows.get(0)));
        assertEquals(1 + scan.events().size(), rows.size());
        assertNoFormula(rows);
        String[] first = rows.get(1);
        assertEquals("2024-05-02T10:15:00.1234567Z", first[0]);
        assertEquals("'=HYPERLINK(\"http://evil.example/\",\"click\")", first[3]);
        assertEquals("'+SUM(1,2)", first[4]);
        assertEquals("'-2+3", first[5]);
        assertEquals("'@evil", first[6]);
        assertEquals("'\tTAB", first[7]);
        assertEquals("'\r=1+1", first[8]);
        assertTrue(first[10].startsWith("Hostile <img"), first[10]);
        assertEquals("critical", first[11]);
        assertEquals("", first[12]);
    }

    @Test
    void hayabusaLayoutHasItsColumnsAbbreviationsAndTimeFormat() throws IOException {
        List<String[]> rows = export(ReportFixtures.samples().data(),
                ReportOptions.defaults().withZone(ZoneId.of("Asia/Tokyo")), ReportExporter.Format.HAYABUSA);
        assertEquals(List.of("Timestamp", "RuleTitle", "Level", "Computer", "Channel", "EventID", "RecordID",
                "Details", "ExtraFieldInfo", "RuleID"), List.of(rows.get(0)));
        assertEquals(3, rows.size());
        String[] sysmon = rows.get(1);
        assertEquals("2024-03-11 18:02:33.518 +09:00", sysmon[0]);
        assertEquals("WMI Persistence - Script Event Consumer", sysmon[1]);
        assertEquals("med", sysmon[2]);
        assertEquals("WS01.corp.example", sysmon[3]);
        assertEquals("Sysmon", sysmon[4]);
        assertEquals("1", sysmon[5]);
        assertEquals("1006", sysmon[6]);
        assertTrue(sysmon[7].startsWith("Cmdline: C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding ¦ Proc: "),
                sysmon[7]);
        assertTrue(sysmon[8].contains("ParentImage: C:\\Windows\\System32\\svchost.exe"), sysmon[8]);
        assertFalse(sysmon[8].contains("CommandLine:"), "fields in Details are not repeated: " + sysmon[8]);
        assertEquals("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e", sysmon[9]);
        String[] security = rows.get(2);
        assertEquals("Sec", security[4]);
        assertEquals("4688", security[5]);
        assertTrue(security[7].contains("Proc: C:\\Windows\\System32\\wbem\\scrcons.exe"), security[7]);
    }

    @Test
    void hayabusaLayoutNeutralizesFormulas() throws IOException {
        List<String[]> rows = export(ReportFixtures.hostile().data(), ReportOptions.defaults(),
                ReportExporter.Format.HAYABUSA);
        assertEquals(3, rows.size());
        assertNoFormula(rows);
        assertEquals("crit", rows.get(1)[2]);
    }

    private static List<String[]> export(ReportData data, ReportOptions options, ReportExporter.Format format)
            throws IOException {
        StringWriter out = new StringWriter();
        ReportExporter.write(data, options, format, out);
        return parse(out.toString());
    }

    static List<Detection> detectionsOn(ReportData data, Event event) {
        return data.detections().stream().filter(d -> d.event().id() == event.id()).toList();
    }
}
