package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.report.html.HtmlReportWriter;

/** {@code scan -o report.html} and the other one-shot outputs: chosen by -f, or by the output file's extension. */
class ScanReportOutputTest {
    private static final String SAMPLES = "samples/wmi-persistence";

    @TempDir
    Path dir;

    @Test
    void anHtmlOutputFileGetsTheReport() throws IOException {
        Path report = dir.resolve("out/report.html");
        CliRun run = CliRun.of("scan", "-o", report.toString(), SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains(HtmlReportWriter.CONTENT_SECURITY_POLICY));
        assertTrue(html.contains("WMI Persistence - Script Event Consumer"));
        assertTrue(html.contains("Thomas Patzke"), "the rule's author is credited");
        assertTrue(html.contains(sha256(Path.of(SAMPLES, "process-starts.jsonl"))), "the evidence hash");
        assertTrue(html.contains("<b>2</b><span>detections</span>"), "the count in the header");
        assertTrue(!html.contains("id=\"process-trees\"") && !html.contains("id=\"tagged-events\""),
                "a one-shot scan leaves out what needs a case");
    }

    @Test
    void aPdfOutputFileGetsThePrintedReport() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        CliRun run = CliRun.of("scan", "-o", pdf.toString(), SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
    }

    @Test
    void theFormatOptionWinsOverTheExtension() throws IOException {
        Path out = dir.resolve("detections.html");
        CliRun run = CliRun.of("scan", "-f", "jsonl", "-o", out.toString(), SAMPLES);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, Files.readAllLines(out).size());
        CliRun csv = CliRun.of("scan", "-o", dir.resolve("d.csv").toString(), SAMPLES);
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(Files.readString(dir.resolve("d.csv")).startsWith("timestamp,level,rule_title,"));
    }

    @Test
    void hayabusaTimelineAndTimesketchOutputs() throws IOException {
        CliRun hayabusa = CliRun.of("scan", "-f", "hayabusa", "--time-zone", "+09:00", SAMPLES);
        assertEquals(0, hayabusa.exitCode(), hayabusa.err());
        List<String> rows = hayabusa.out().lines().toList();
        assertEquals("Timestamp,RuleTitle,Level,Computer,Channel,EventID,RecordID,Details,ExtraFieldInfo,RuleID",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("2024-03-11 18:02:33.518 +09:00,WMI Persistence"), rows.get(1));
        CliRun timeline = CliRun.of("scan", "-f", "timeline", SAMPLES);
        assertEquals(16, timeline.out().lines().count(), "a header and one row per event");
        CliRun timesketch = CliRun.of("scan", "-f", "timesketch", SAMPLES);
        List<String> lines = timesketch.out().lines().toList();
        assertEquals(15, lines.size());
        long flagged = 0;
        for (String line : lines) {
            JsonNode node = JsonCodec.MAPPER.readTree(line);
            assertTrue(node.has("message") && node.has("datetime") && node.has("timestamp_desc"), line);
            flagged += node.has("sigma_rules") ? 1 : 0;
        }
        assertEquals(2, flagged);
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("scan", "-f", "pdf", SAMPLES).exitCode(), "a PDF needs -o");
        assertEquals(2, CliRun.of("scan", "-f", "docx", SAMPLES).exitCode());
        CliRun zone = CliRun.of("scan", "--time-zone", "Mars/Olympus", SAMPLES);
        assertEquals(2, zone.exitCode());
        assertTrue(zone.err().contains("Mars/Olympus"), zone.err());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
