package org.sigmascope.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/** Damaged JSON costs the damaged record only, reported with its line; the rest of the file is read. */
class JsonMalformedInputTest {
    @TempDir
    Path dir;

    private static String record(int id) {
        return "{\"EventID\": 1, \"Channel\": \"Microsoft-Windows-Sysmon/Operational\", \"EventRecordID\": " + id
                + ", \"Image\": \"C:\\\\Windows\\\\System32\\\\cmd.exe\"}";
    }

    private record Result(List<Event> events, SourceStats stats) {
        List<Long> ids() {
            return events.stream().map(Event::recordId).toList();
        }

        List<Long> failedLines() {
            return stats.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .map(Diagnostic::line).toList();
        }
    }

    private Result read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private Result read(byte[] bytes) throws IOException {
        Path file = dir.resolve("evidence.json");
        Files.write(file, bytes);
        List<Event> events = new ArrayList<>();
        SourceStats stats = new JsonEvidenceReader().read(ReadRequest.of(new Source(1, file, "evidence.json", "json"),
                ReadOptions.defaults()), events::add);
        return new Result(events, stats);
    }

    @Test
    void aLineOfSeveralObjectsIsFramedObjectByObject() throws IOException {
        // The framer takes a JSON line as one record by its line break alone; a line that holds more than one
        // object, or ends like an object without being one, is framed again byte by byte and loses nothing.
        Result r = read(record(1) + " " + record(2) + "\n" + record(3) + ", " + record(4) + "\r\n"
                + "{\"EventID\": 1, \"x\": \"}\"\n" + record(6) + "\t\n" + "  " + record(7) + "}\n" + record(8));
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L), r.ids());
        assertEquals(List.of(3L, 5L), r.failedLines(), r.stats().diagnostics().toString());
    }

    @Test
    void aTruncatedJsonLineCostsThatLineOnly() throws IOException {
        Result r = read(record(1) + "\n" + "{\"EventID\": 1, \"Channel\": \n" + record(3) + "\n" + record(4) + "\n");
        assertEquals(List.of(1L, 3L, 4L), r.ids());
        assertEquals(List.of(2L), r.failedLines());
        assertTrue(r.stats().diagnostics().get(0).toString().startsWith("evidence.json:2: "),
                r.stats().diagnostics().toString());
    }

    @Test
    void aLineBreakInsideAStringResynchronisesAtTheNextLine() throws IOException {
        Result r = read(record(1) + "\n{\"EventID\": 1, \"Image\": \"C:\\cut\n" + record(3) + "\r\n");
        assertEquals(List.of(1L, 3L), r.ids());
        assertEquals(List.of(2L), r.failedLines());
    }

    @Test
    void aBrokenPrettyPrintedObjectDoesNotLoseTheRestOfTheFile() throws IOException {
        String pretty = "{\n  \"EventID\": 1,\n  \"EventRecordID\": %d,\n  \"Nested\": {\n    \"a\": 1\n  }\n}\n";
        String broken = "{\n  \"EventID\": 1,\n  \"EventRecordID\": 2,\n  \"Nested\": {\n    \"a\": 1\n";
        Result r = read(String.format(pretty, 1) + broken + String.format(pretty, 3) + String.format(pretty, 4));
        assertEquals(List.of(1L, 3L, 4L), r.ids());
        assertEquals(List.of(8L), r.failedLines());
    }

    @Test
    void aBalancedButInvalidRecordIsReportedWithItsLine() throws IOException {
        Result r = read(record(1) + "\n{\"EventID\": 1,, \"EventRecordID\": 2}\n" + record(3) + "\n");
        assertEquals(List.of(1L, 3L), r.ids());
        assertEquals(List.of(2L), r.failedLines());
        assertTrue(r.stats().diagnostics().get(0).message().contains("malformed JSON record"));
    }

    @Test
    void aRecordOpenAtTheEndOfTheFileIsReported() throws IOException {
        Result r = read("[\n  " + record(1) + ",\n  " + record(2) + ",\n  {\"EventID\": 1, \"EventRecordID\": 3");
        assertEquals(List.of(1L, 2L), r.ids());
        assertEquals(List.of(4L), r.failedLines());
    }

    @Test
    void textOutsideObjectsAndValuesThatAreNotObjectsAreReported() throws IOException {
        Result r = read("garbage line\n" + record(1) + "\n[1, \"two\", " + record(2) + "]\n");
        assertEquals(List.of(1L, 2L), r.ids());
        assertEquals(3, r.stats().failed(), r.stats().diagnostics().toString());
    }

    @Test
    void aSingleLineArrayOfAnyLengthIsRead() throws IOException {
        StringBuilder line = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            line.append(i == 0 ? "" : ",").append(record(i));
        }
        Result r = read(line.append("]").toString());
        assertEquals(20_000, r.events().size());
        assertEquals(0, r.stats().failed());
        assertTrue(r.events().get(19_999).location() > 2_000_000, "located by byte offset on the one line");
    }

    @Test
    void utf16WithAByteOrderMarkAndUtf8WithOneAreRead() throws IOException {
        String text = "[" + record(1) + ",\r\n" + record(2) + "]\r\n";
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[utf16.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, marked, 2, utf16.length);
        assertEquals(List.of(1L, 2L), read(marked).ids());
        byte[] utf8 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(1L, 2L), read(utf8).ids());
    }

    @Test
    void keywordsBeyondDoublePrecisionStayExact() throws IOException {
        Result r = read("{\"System\": {\"EventID\": {\"Value\": 4624}, \"Keywords\": 9232379236109516800, "
                + "\"Channel\": \"Security\"}, \"EventData\": {\"Big\": 18446744073709551615, \"LogonId\": 999}}\n"
                + "{\"EventID\": 5156, \"Channel\": \"security\", \"Keywords\": -9214364837600034816}\n");
        assertEquals("0x8020000000000000", r.events().get(0).fields().get("Keywords"));
        assertEquals("18446744073709551615", r.events().get(0).fields().get("Big"));
        assertEquals("0x8020000000000000", r.events().get(1).fields().get("Keywords"));
        assertEquals("Security", r.events().get(1).channel(), "NXLog's lower-case channel is canonicalised");
    }

    @Test
    void escapesAcrossTheFramersBufferBoundaryAreFollowed() throws IOException {
        // Shifting the text one byte at a time puts every byte of a record, the backslash of an escaped quote
        // included, on the first 64 KiB refill of the framer.
        StringBuilder records = new StringBuilder();
        int id = 0;
        while (records.length() < 65_536 + 200) {
            records.append("{\"EventID\": 1, \"EventRecordID\": ").append(++id)
                    .append(", \"Quote\": \"a\\\"b\"}\n");
        }
        int length = records.indexOf("\n") + 1;
        for (int shift = 0; shift < length; shift++) {
            Result r = read(" ".repeat(shift) + records);
            assertEquals(id, r.events().size(), "shifted by " + shift);
            assertEquals(0, r.stats().failed(), "shifted by " + shift);
            assertEquals("a\"b", r.events().get(id - 1).fields().get("Quote"));
        }
    }

    @Test
    void anEmptyFileHasNoEventsAndNoErrors() throws IOException {
        Result r = read("  \n");
        assertEquals(0, r.events().size());
        assertEquals(0, r.stats().failed());
    }

    @Test
    void aRecordLargerThanTheLimitIsSkippedAndTheNextIsRead() throws IOException {
        StringBuilder huge = new StringBuilder("{\"EventID\": 1, \"Blob\": \"");
        huge.append("x".repeat(200_000)).append("\"}\n");
        List<String> problems = new ArrayList<>();
        RecordFramer framer = new RecordFramer(new java.io.ByteArrayInputStream((huge + record(2) + "\n")
                .getBytes(StandardCharsets.UTF_8)), 1000, (line, offset, message) -> problems.add(line + ": " + message));
        RecordFramer.Record next = framer.next();
        assertTrue(new String(next.bytes(), next.start(), next.end() - next.start(), StandardCharsets.UTF_8)
                .equals(record(2)), "the record after the large one is framed");
        assertEquals(2, next.line());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("1: "));
    }
}
