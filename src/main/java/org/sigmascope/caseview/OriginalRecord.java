package org.sigmascope.caseview;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.ingest.evtx.EvtxRecordXml;
import org.sigmascope.ingest.text.TextInput;
import org.sigmascope.model.Event;
import org.sigmascope.store.SourceRow;

/**
 * The record an event was read from, as the evidence holds it: the EVTX record rendered as XML (the way Windows
 * shows it), the JSON record (indented), or the CSV header and row. Read again from the evidence file, read-only,
 * by the event's location; so the analyst can always check what the evidence said against what Sigmascope made
 * of it.
 */
public final class OriginalRecord {
    /** Larger records are cut, so a hostile file cannot fill the detail view. */
    static final int MAX_CHARS = 1 << 20;

    /**
     * The record.
     *
     * @param kind what the text is: {@code xml}, {@code json} or {@code csv}
     * @param text the record
     */
    public record Text(String kind, String text) {
    }

    private OriginalRecord() {
    }

    /**
     * Reads the event's record from its source.
     *
     * @throws IOException in plain words, when the file is gone, changed, or the format keeps no record to show
     */
    public static Text read(SourceRow source, Event event) throws IOException {
        Path path = Path.of(source.path());
        if (!Files.isRegularFile(path)) {
            throw new IOException("the evidence file is no longer at " + source.path());
        }
        return switch (source.format()) {
            case "evtx" -> new Text("xml", evtx(path, event.location()));
            case "json" -> new Text("json", json(path, event.location()));
            case "csv" -> new Text("csv", csv(path, event.location()));
            default -> throw new IOException("the record is inside a " + source.format()
                    + " archive; open the member file itself to see it");
        };
    }

    private static String evtx(Path path, long offset) throws IOException {
        try (EvtxRecordXml xml = new EvtxRecordXml(path)) {
            return XmlIndent.indent(xml.record(offset));
        }
    }

    private static String json(Path path, long offset) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
             InputStream in = TextInput.utf8(raw)) {
            in.skipNBytes(offset);
            try (JsonParser parser = JsonCodec.MAPPER.createParser(in)) {
                JsonNode node = JsonCodec.MAPPER.readTree(parser);
                if (node == null) {
                    throw new IOException("no JSON record at byte " + offset);
                }
                return cut(JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            }
        }
    }

    /** The header and the row starting at {@code line} (1-based); a quoted cell may carry the row over lines. */
    private static String csv(Path path, long line) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
             BufferedReader in = new BufferedReader(new InputStreamReader(TextInput.utf8(raw),
                     StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || line < 2) {
                throw new IOException("no CSV row at line " + line);
            }
            for (long i = 2; i < line; i++) {
                if (in.readLine() == null) {
                    throw new IOException("the file has fewer than " + line + " lines now");
                }
            }
            StringBuilder row = new StringBuilder();
            String next;
            int quotes = 0;
            while ((next = in.readLine()) != null && row.length() < MAX_CHARS) {
                row.append(row.length() > 0 ? "\n" : "").append(next);
                quotes += next.chars().filter(c -> c == '"').count();
                if (quotes % 2 == 0) {
                    break;
                }
            }
            return cut(header + "\n" + row);
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "\n… (cut at "
                + MAX_CHARS + " characters)";
    }
}
