package org.sigmascope.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;

/** A broken row costs that row, reported with its line; rows after it are read with their own lines. */
class CsvMalformedInputTest {
    @TempDir
    Path dir;

    private EvidenceFiles.Read read(String text) throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return EvidenceFiles.read(file);
    }

    private static List<Object> ids(EvidenceFiles.Read read) {
        return read.events().stream().map(e -> e.fields().get("EventRecordID")).toList();
    }

    private static List<Long> errorLines(EvidenceFiles.Read read) {
        return read.stats().diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(Diagnostic::line).toList();
    }

    @Test
    void multiLineCellsKeepTheLinesOfLaterRowsRight() throws IOException {
        EvidenceFiles.Read read = read("EventRecordID,Message\n1,\"first\nsecond\r\nthird\"\n2,\"say \"\"hi\"\"\"\n3,x\n");
        assertEquals(List.of(1L, 2L, 3L), ids(read));
        assertEquals("first\nsecond\r\nthird", read.events().get(0).fields().get("Message"));
        assertEquals("say \"hi\"", read.events().get(1).fields().get("Message"));
        assertEquals(List.of(2L, 5L, 6L), read.events().stream().map(Event::location).toList());
    }

    @Test
    void aQuoteLeftOpenToTheEndOfTheFileCostsOneRow() throws IOException {
        EvidenceFiles.Read read = read("EventRecordID,Message\n1,ok\n2,\"never closed\n3,fine\n4,also fine\n");
        assertEquals(List.of(1L, 3L, 4L), ids(read));
        assertEquals(List.of(3L), errorLines(read));
    }

    @Test
    void aQuoteClosedByAccidentRowsLaterCostsOneRow() throws IOException {
        EvidenceFiles.Read read = read("EventRecordID,Message,Extra\n1,ok,a\n2,\"broken,b\n3,x,c\n4,\"quoted\",d\n"
                + "5,y,e\n");
        assertEquals(List.of(1L, 3L, 4L, 5L), ids(read));
        assertEquals(List.of(3L), errorLines(read));
    }

    @Test
    void shortRowsKeepTheirCellsAndLongRowsKeepTheExtraOnesNamed() throws IOException {
        EvidenceFiles.Read read = read("EventRecordID,A,B\n1,x\n2,y,z,extra\n");
        assertEquals(List.of(1L, 2L), ids(read));
        assertEquals("extra", read.events().get(1).fields().get("column_4"));
        assertEquals(1, read.stats().warnings() - read.stats().diagnostics().stream()
                .filter(d -> !d.message().startsWith("rows with more cells")).count());
    }
}
