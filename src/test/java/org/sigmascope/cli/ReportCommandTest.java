package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Level;
import org.sigmascope.report.cases.AnnotatedCase;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.store.AuditLog;
import org.sigmascope.store.CaseStore;

/** {@code sigmascope report --case CASE -f FORMAT -o FILE} on a real case made from the samples. */
class ReportCommandTest {
    private static final List<String> TABLES = List.of("meta", "sources", "events", "field_names", "rules",
            "detections", "correlation_hits", "correlation_events", "tags", "stars", "notes", "bookmarks",
            "saved_searches");

    @TempDir
    static Path dir;
    static AnnotatedCase annotated;

    @BeforeAll
    static void makeCase() throws IOException {
        annotated = AnnotatedCase.make(dir);
    }

    private static String caseFile() {
        return annotated.file().toString();
    }

    @Test
    void jsonlAndCsvListTheCasesDetectionsAtTheThreshold() throws IOException {
        Path jsonl = dir.resolve("all.jsonl");
        CliRun run = CliRun.of("report", "--case", caseFile(), "-f", "jsonl", "-o", jsonl.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(annotated.detections(), lines.size());
        JsonNode first = JsonCodec.MAPPER.readTree(lines.get(0));
        assertTrue(first.has("match") && first.has("fields") && first.get("source").asText().length() > 0, lines.get(0));
        assertTrue(run.err().contains(annotated.detections() + " detections written"), run.err());

        long high = countAtLeast(jsonl, Level.HIGH);
        CliRun csv = CliRun.of("report", "--case", caseFile(), "--min-level", "high", "-o",
                dir.resolve("high.csv").toString());
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals(high + 1, Files.readAllLines(dir.resolve("high.csv")).size(), "header and one row each");
    }

    private static long countAtLeast(Path jsonl, Level level) throws IOException {
        long n = 0;
        for (String line : Files.readAllLines(jsonl)) {
            if (Level.parse(JsonCodec.MAPPER.readTree(line).get("level").asText()).orElseThrow().atLeast(level)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void timelineAndTimesketchExportTheFilteredTimelineView() throws IOException {
        String query = "Image:*\\scrcons.exe";
        CliRun timeline = CliRun.of("report", "--case", caseFile(), "-f", "timeline", "--query", query);
        assertEquals(0, timeline.exitCode(), timeline.err());
        CliRun count = CliRun.of("query", caseFile(), query, "--count");
        long expected = Long.parseLong(count.out().strip());
        assertTrue(expected >= 3, "scrcons.exe starts: " + expected);
        assertEquals(expected + 1, timeline.out().lines().count(), timeline.out());
        assertTrue(timeline.out().contains("WMI Persistence"), "detections ride with their events");

        CliRun sketch = CliRun.of("report", "--case", caseFile(), "-f", "timesketch", "--query", query);
        assertEquals(0, sketch.exitCode(), sketch.err());
        List<String> lines = sketch.out().lines().toList();
        assertEquals(expected, lines.size());
        for (String line : lines) {
            JsonNode node = JsonCodec.MAPPER.readTree(line);
            for (String field : List.of("message", "datetime", "timestamp_desc")) {
                assertFalse(node.path(field).asText().isEmpty(), field + " in " + line);
            }
        }
        CliRun all = CliRun.of("report", "--case", caseFile(), "-f", "timesketch");
        assertEquals(annotated.events(), all.out().lines().count(), "without --query, every event");
    }

    @Test
    void twoExportsOfTheCaseDifferOnlyInTheExportTime() throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        assertEquals(0, CliRun.of("report", "--case", caseFile(), "-o", a.toString()).exitCode());
        assertEquals(0, CliRun.of("report", "--case", caseFile(), "-o", b.toString()).exitCode());
        String first = withoutExportTime(Files.readString(a));
        String second = withoutExportTime(Files.readString(b));
        assertEquals(first, second);
        for (String format : List.of("csv", "jsonl", "hayabusa", "timeline")) {
            assertEquals(CliRun.of("report", "--case", caseFile(), "-f", format).out(),
                    CliRun.of("report", "--case", caseFile(), "-f", format).out(), format);
        }
    }

    /** Replaces the export time wherever the report prints it (case details, header, footer). */
    private static String withoutExportTime(String html) {
        String marker = "Report exported</dt><dd>";
        int at = html.indexOf(marker);
        assertTrue(at > 0, "the export time is in the report");
        int end = html.indexOf("</dd>", at + marker.length());
        String time = html.substring(at + marker.length(), end);
        assertTrue(time.startsWith("20"), time);
        return html.replace(time, "EXPORT-TIME");
    }

    @Test
    void aReportOnlyAddsAnExportEntryToTheAuditLog() throws IOException {
        List<String> before = fingerprint();
        int entries = auditEntries().size();
        Path html = dir.resolve("audited.html");
        CliRun run = CliRun.of("report", "--case", caseFile(), "-o", html.toString(), "--examiner", "A. Analyst");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(before, fingerprint(), "the case's data is untouched");
        List<AuditLog.Entry> after = auditEntries();
        assertEquals(entries + 1, after.size());
        AuditLog.Entry entry = after.get(after.size() - 1);
        assertEquals("export", entry.action());
        JsonNode detail = JsonCodec.MAPPER.readTree(entry.detail());
        assertEquals("html", detail.get("format").asText());
        assertEquals(html.toAbsolutePath().toString(), detail.get("file").asText());
        assertEquals(Sha256.of(html), detail.get("sha256").asText(), "the report can be verified later");
        assertEquals(annotated.detections(), detail.get("detections").asLong());
    }

    private static List<AuditLog.Entry> auditEntries() throws IOException {
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            return store.audit().entries();
        }
    }

    /** Every table but the audit log, each as a hash of its rows in a fixed order. */
    private static List<String> fingerprint() throws IOException {
        List<String> hashes = new ArrayList<>();
        try (CaseStore store = CaseStore.openReadOnly(annotated.file())) {
            for (String table : TABLES) {
                hashes.add(table + " " + store.db().first("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::VARCHAR, "
                        + "chr(10) ORDER BY t::VARCHAR)), '') FROM " + table + " t", List.of(),
                        r -> r.getString(1)).orElseThrow());
            }
        }
        assertTrue(hashes.get(2).startsWith("events " + annotated.events() + " "), hashes.get(2));
        return hashes;
    }

    @Test
    void aPdfIsPrintedFromTheCasesReport() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        CliRun run = CliRun.of("report", "--case", caseFile(), "-o", pdf.toString(), "--sections", "case,summary");
        assertEquals(0, run.exitCode(), run.err());
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(bytes.length > 5_000, "a page or more: " + bytes.length);
    }

    @Test
    void aMissingCaseIsAClearErrorWithExitCode1() {
        Path missing = dir.resolve("no-such-case.duckdb");
        Path out = dir.resolve("never.html");
        CliRun run = CliRun.of("report", "--case", missing.toString(), "-f", "html", "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertEquals("sigmascope: cannot read the case " + missing + ": no such file", run.err().strip());
        assertFalse(Files.exists(out), "no report is written");
        assertFalse(Files.exists(missing), "and no case is created");
    }

    @Test
    void aCorruptCaseIsAClearErrorWithExitCode1() throws IOException {
        Path corrupt = dir.resolve("corrupt.duckdb");
        byte[] garbage = "this is not a DuckDB database, only text that says so\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(corrupt, garbage);
        CliRun run = CliRun.of("report", "--case", corrupt.toString(), "-o", dir.resolve("x.csv").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("sigmascope: cannot read the case " + corrupt + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one sentence, no stack trace: " + run.err());
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(corrupt)), "the file is left as it was");
    }

    @Test
    void aDuckDbFileThatIsNoCaseIsSaidToBeNone() throws Exception {
        Path other = dir.resolve("other.duckdb");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + other.toAbsolutePath());
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (name VARCHAR)");
        }
        CliRun run = CliRun.of("report", "--case", other.toString(), "-f", "csv");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("sigmascope: cannot read the case " + other + ": is a DuckDB database but not a Sigmascope case"
                + " (it has no meta table)", run.err().strip());
    }

    @Test
    void usageErrorsExitWith2() {
        String out = dir.resolve("u.html").toString();
        for (List<String> args : List.of(
                List.of("-f", "table"),
                List.of("-f", "html", "--sections", "summary,nonsense"),
                List.of("-f", "html", "--min-level", "severe"),
                List.of("-f", "html", "--query", "EventID:1"),
                List.of("-f", "pdf"),
                List.of("-f", "timeline", "--query", "EventID:(1"))) {
            List<String> all = new ArrayList<>(List.of("report", "--case", caseFile()));
            all.addAll(args);
            if (!args.contains("pdf")) {
                all.addAll(List.of("-o", out));
            }
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run.err());
            assertFalse(run.err().isBlank(), args.toString());
        }
        assertEquals(2, CliRun.of("report", "-f", "html").exitCode(), "--case is required");
    }
}
