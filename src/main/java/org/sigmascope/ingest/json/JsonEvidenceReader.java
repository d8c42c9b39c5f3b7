package org.sigmascope.ingest.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.ingest.text.TextInput;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.model.SourceStats;

/**
 * Reads JSON evidence, streaming: one object, an array of objects, JSON Lines, or objects back to back, in UTF-8
 * or UTF-16, lines of any length. {@link RecordFramer} finds the records, so damage costs one record;
 * {@link JsonShapes} recognises each record's shape (evtx crate, Winlogbeat, NXLog, Velociraptor, Log Analytics,
 * Hayabusa, Chainsaw) and maps it to Sigma's field names. Events are located by the byte offset of their record
 * (in the UTF-8 text, for UTF-16 files).
 */
public final class JsonEvidenceReader implements EvidenceReader {
    /** Larger single records are reported and skipped, so a file without structure cannot fill memory. */
    static final int MAX_RECORD_BYTES = 256 << 20;
    private static final long PROGRESS_EVERY = 1 << 20;

    private final boolean fastPath;

    public JsonEvidenceReader() {
        this(true);
    }

    /**
     * @param fastPath whether records are parsed by {@link ByteJsonParser} first (Jackson only for what it leaves);
     *                 off, every record goes through Jackson, for tests that compare the two
     */
    JsonEvidenceReader(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) throws IOException {
        String file = request.source().displayName();
        StatsCollector stats = new StatsCollector(file);
        RecordContext context = new RecordContext(request.source().id(), file, request.options().localZone(), stats);
        long total = Files.size(request.source().path());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(request.source().path()), 1 << 16);
             InputStream in = TextInput.utf8(raw)) {
            RecordFramer framer = new RecordFramer(in, MAX_RECORD_BYTES,
                    (line, offset, message) -> stats.failedAtLine(line, message));
            JsonShapes shapes = new JsonShapes();
            ByteJsonParser fast = fastPath ? new ByteJsonParser() : null;
            long nextProgress = PROGRESS_EVERY;
            RecordFramer.Record record;
            while ((record = framer.next()) != null) {
                context.atOffset(record.offset(), record.line());
                JsonObject root = fast == null ? null : fast.parse(record.bytes(), record.start(), record.end());
                try {
                    if (root == null) {
                        root = JsonTreeParser.parse(record.bytes(), record.start(), record.end(), record.wholeLine());
                    }
                } catch (JsonProcessingException e) {
                    if (record.wholeLine()) {
                        framer.distrust(record); // framed again byte by byte, its damage reported as framing finds it
                    } else {
                        stats.failedAtLine(lineOf(record, e), "malformed JSON record: " + e.getOriginalMessage());
                    }
                    continue;
                }
                JsonShape shape = shapes.select(root);
                try {
                    shape.read(root, context, event -> {
                        stats.event();
                        sink.accept(event);
                    });
                } catch (RuntimeException e) {
                    if (e instanceof java.util.concurrent.CancellationException) {
                        throw e;
                    }
                    context.failed("a " + shape.name() + " record that could not be read as an event: " + e);
                }
                if (framer.position() >= nextProgress) {
                    request.cancellation().check();
                    request.progress().update(Math.min(framer.position(), total), total, null);
                    nextProgress = framer.position() + PROGRESS_EVERY;
                }
            }
        }
        context.finish();
        return stats.snapshot();
    }

    private static long lineOf(RecordFramer.Record record, JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return record.line();
        }
        return record.line() + e.getLocation().getLineNr() - 1;
    }
}
