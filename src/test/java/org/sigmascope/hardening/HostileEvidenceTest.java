package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;
import org.sigmascope.store.CaseStore;
import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Evidence that attacks every output ({@link HostileEvidence}), in files whose names attack too, through every
 * output Sigmascope writes: {@code scan} as table, CSV, JSONL, HTML, Hayabusa, timeline and Timesketch; {@code dump}
 * as JSONL and XML; the case; {@code query} as table, CSV and JSONL, with SQL in the query. Everywhere it is inert:
 * no markup or script in HTML, no formula in a CSV cell, no terminal control in text, well-formed XML and JSON
 * that give the payload back exactly, and a case whose tables are all still there.
 */
class HostileEvidenceTest {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    @TempDir
    static Path dir;
    static Path evidence;
    static int events;

    @BeforeAll
    static void evidence() throws IOException {
        evidence = Files.createDirectories(dir.resolve("evidence"));
        events = HostileEvidence.write(evidence.resolve("<img src=x onerror=alert(9)>=cmd.jsonl"), 0);
        events += HostileEvidence.write(evidence.resolve("\u001b[31mred\u0007.jsonl"), 100);
    }

    private static Cli scan(String format) {
        Cli run = Cli.run("scan", "-r", HostileEvidence.RULE.toString(), "-f", format, evidence.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertNoTerminalControl("scan -f " + format + " stderr", run.err());
        return run;
    }

    @Test
    void theTableShowsNoTerminalControl() {
        Cli run = scan("table");
        assertTrue(run.out().lines().count() >= events, run.out());
        assertNoTerminalControl("scan -f table", run.out());
    }

    @Test
    void csvOutputsHoldNoFormula() throws IOException {
        for (String format : List.of("csv", "hayabusa", "timeline")) {
            List<String[]> rows = csv(scan(format).out());
            assertTrue(rows.size() > events, format + ": " + rows.size() + " rows");
            assertNoFormula(format, rows);
        }
    }

    @Test
    void jsonOutputsGiveThePayloadsBackExactly() throws IOException {
        Set<String> computers = new HashSet<>();
        for (String line : scan("jsonl").out().lines().toList()) {
            computers.add(JsonCodec.MAPPER.readTree(line).get("computer").asText());
        }
        assertEquals(new HashSet<>(HostileEvidence.PAYLOADS), computers);
        for (String line : scan("timesketch").out().lines().toList()) {
            assertTrue(JsonCodec.MAPPER.readTree(line).isObject(), line);
        }
        Cli dump = Cli.run("dump", evidence.toString());
        Set<String> fieldNames = new HashSet<>();
        for (String line : dump.out().lines().toList()) {
            JsonNode fields = JsonCodec.MAPPER.readTree(line).get("fields");
            fields.fieldNames().forEachRemaining(fieldNames::add);
            assertTrue(fields.get("CommandLine").asText().contains(" onerror= "), line);
        }
        assertTrue(fieldNames.containsAll(HostileEvidence.PAYLOADS.stream().filter(p -> !p.contains("\u0000"))
                .toList()), "hostile field names are kept as they are: " + fieldNames);
    }

    @Test
    void theHtmlReportHasNoMarkupFromEvidence() throws IOException {
        Path report = dir.resolve("report.html");
        Cli run = Cli.run("scan", "-r", HostileEvidence.RULE.toString(), "-o", report.toString(), evidence.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report);
        for (String payload : HostileEvidence.PAYLOADS) {
            if (payload.contains("<")) {
                assertFalse(html.contains(payload), "raw in the report: " + payload);
            }
        }
        for (String raw : List.of("<script>document", "<img src=x onerror", "<a/>", "\u001b", "\u0007", "\u0000",
                "<svg onload", "href=\"javascript")) {
            assertFalse(html.contains(raw), "raw in the report: " + raw.replace("\u001b", "ESC"));
        }
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"),
                "the payload is shown, as text");
    }

    @Test
    void theXmlDumpIsWellFormedWithNoInjectedElements() throws Exception {
        Cli dump = Cli.run("dump", "-f", "xml", evidence.toString());
        assertEquals(0, dump.exitCode(), dump.err());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(dump.out())));
        for (String injected : List.of("script", "img", "a")) {
            assertEquals(0, xml.getElementsByTagName(injected).getLength(), injected + " elements in the XML dump");
        }
        assertNoTerminalControl("dump -f xml", dump.out().replace("\n", "").replace("\r", "").replace("\t", ""));
    }

    @Test
    void theCaseKeepsThePayloadsAsDataAndQueriesCannotTouchIt() throws Exception {
        Path caseFile = dir.resolve("hostile.duckdb");
        List<String> tables;
        try (CaseStore store = CaseStore.open(caseFile)) {
            CaseScan.run(store, List.of(evidence), CaseRules.reference(RuleLoader.load(List.of(
                    RuleLoader.RuleSource.of(HostileEvidence.RULE))), LogsourceMapping.builtin()),
                    CaseScan.Options.defaults(), Progress.NONE, Cancellation.NEVER, new CaseScan.Observer() { });
            assertEquals(events, store.eventCount());
            assertEquals(events, store.detectionCount(), "the hostile rule fires on every event");
            Set<String> computers = new HashSet<>();
            for (Event event : store.events(0, 1_000)) {
                computers.add(event.computer());
            }
            assertEquals(new HashSet<>(HostileEvidence.PAYLOADS), computers, "stored as given, byte for byte");
            tables = tables(store);
        }
        for (String query : List.of("Computer:\"'; DROP TABLE events; --\"", "\"'); DELETE FROM sources; --\"",
                "CommandLine:/.*DROP TABLE.*/", "User:*OR 1=1*", "\"x'); DELETE FROM sources; SELECT ('\"")) {
            for (String format : List.of("table", "csv", "jsonl")) {
                Cli run = Cli.run("query", caseFile.toString(), query, "-f", format);
                assertTrue(run.exitCode() == 0 || run.exitCode() == 2, query + ": " + run.err());
                assertNoTerminalControl("query -f " + format + " " + query + " stderr", run.err());
                if (format.equals("table")) {
                    assertNoTerminalControl("query -f table " + query, run.out());
                }
                if (format.equals("csv")) {
                    assertNoFormula("query -f csv", csv(run.out()));
                }
            }
        }
        Cli one = Cli.run("query", caseFile.toString(), "Computer:\"'; DROP TABLE events; --\"", "--count");
        assertEquals("2", one.out().strip(), one.err());
        try (CaseStore store = CaseStore.open(caseFile)) {
            assertEquals(tables, tables(store));
            assertEquals(events, store.eventCount());
            assertEquals(2, store.sources().size());
        }
    }

    private static List<String> tables(CaseStore store) throws IOException {
        return store.db().list("SELECT table_name || ':' || estimated_size FROM duckdb_tables() ORDER BY 1",
                List.of(), r -> r.getString(1));
    }

    private static List<String[]> csv(String text) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static void assertNoFormula(String what, List<String[]> rows) {
        for (String[] row : rows) {
            for (String cell : row) {
                if (!cell.isEmpty()) {
                    char first = cell.charAt(0);
                    assertFalse(first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                            || first == '\r', what + ": a cell a spreadsheet would run: " + cell);
                }
            }
        }
    }

    /** No C0 control but line breaks and tabs, no DEL or C1, no bidirectional override: nothing drives a terminal. */
    private static void assertNoTerminalControl(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            assertFalse(control || c == '\u202e' || c == '\u202d',
                    what + ": character U+" + String.format("%04X", (int) c) + " at " + i + " in "
                            + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 20))
                            .replace("\u001b", "<ESC>"));
        }
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(text), what + ": unpaired surrogates");
    }
}
