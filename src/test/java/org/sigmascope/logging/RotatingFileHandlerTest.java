package org.sigmascope.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file rotates at its limit, keeps a bounded number of older files, and keeps records one per line. */
class RotatingFileHandlerTest {
    @TempDir
    Path dir;

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("org.sigmascope.test");
        return record;
    }

    @Test
    void rotatesAndKeepsTheNewestFiles() throws IOException {
        Path file = dir.resolve("logs/sigmascope.log");
        RotatingFileHandler handler = new RotatingFileHandler(file, 1_000, 2);
        for (int i = 0; i < 40; i++) {
            handler.publish(record("record " + i + " " + "x".repeat(80)));
        }
        handler.close();

        List<String> names;
        try (Stream<Path> files = Files.list(file.getParent())) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("sigmascope.1.log", "sigmascope.2.log", "sigmascope.log"), names);
        assertTrue(Files.readString(file).contains("record 39 "));
        assertTrue(Files.size(file) <= 1_000);
        assertFalse(Files.readString(file.resolveSibling("sigmascope.2.log")).contains("record 0 "));
    }

    @Test
    void appendsToTheFileOfAnEarlierRun() throws IOException {
        Path file = dir.resolve("sigmascope.log");
        RotatingFileHandler first = new RotatingFileHandler(file, 100_000, 2);
        first.publish(record("first run"));
        first.close();
        RotatingFileHandler second = new RotatingFileHandler(file, 100_000, 2);
        second.publish(record("second run"));
        second.close();

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).endsWith("WARNING org.sigmascope.test: first run"), lines.get(0));
        assertTrue(lines.get(1).endsWith("WARNING org.sigmascope.test: second run"), lines.get(1));
    }

    @Test
    void lineBreaksInMessagesCannotForgeRecords() {
        LogRecord record = record("cannot read C:\\x.evtx\n2024-01-01T00:00:00Z SEVERE forged: record");
        record.setThrown(new IllegalStateException("bad\r\nline"));

        String text = new LogFormat().format(record);

        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z WARNING org.sigmascope.test: cannot read.*"),
                lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(line -> line.startsWith("  ")), text);
        assertTrue(text.contains("  java.lang.IllegalStateException: bad\n  line"), text);
    }
}
