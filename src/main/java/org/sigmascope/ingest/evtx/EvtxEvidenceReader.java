package org.sigmascope.ingest.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.ingest.evtx.chunk.ChunkHeader;
import org.sigmascope.ingest.evtx.chunk.ChunkPipeline;
import org.sigmascope.ingest.evtx.chunk.ChunkResult;
import org.sigmascope.ingest.evtx.chunk.ParserPool;
import org.sigmascope.ingest.evtx.header.FileHeader;
import org.sigmascope.ingest.evtx.recovery.LiveRecordIds;
import org.sigmascope.ingest.evtx.recovery.RecoveredRecords;
import org.sigmascope.model.Event;
import org.sigmascope.model.SourceStats;

/**
 * Reads Windows XML Event Log files (EVTX) natively (docs/evtx.md for what analysts see; evtx-checklist for the
 * format). Streams: chunks are read with positional reads and parsed in parallel, and events reach the sink in
 * file order. Every chunk slot of the file is read whatever the header says; damage is reported with chunk and
 * byte offset and reading goes on; records carved from slack are always counted and emitted only when the
 * request asks for them, marked {@code recovered}.
 */
public final class EvtxEvidenceReader implements EvidenceReader {
    /** Shared by every reader: one is made per file, and parsers are worth keeping from file to file. */
    private static final ParserPool PARSERS = new ParserPool();

    @Override
    public String format() {
        return "evtx";
    }

    /** Whether the first bytes of a file are an EVTX file header. */
    public static boolean looksLikeEvtx(byte[] head, int length) {
        return FileHeader.hasSignature(head, length);
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) throws IOException {
        String file = request.source().displayName();
        int sourceId = request.source().id();
        StatsCollector stats = new StatsCollector(file);
        try (FileChannel channel = FileChannel.open(request.source().path(), StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = new byte[FileHeader.SIZE];
            FileHeader header = FileHeader.parse(head, ChunkPipeline.read(channel, head, 0));
            reportHeader(header, stats);
            long chunks = ChunkPipeline.chunkCount(size);
            RecoveredRecords recovered = new RecoveredRecords(liveRecordIds(channel, chunks));
            boolean include = request.options().includeRecovered();
            boolean checksums = !header.noChecksums();
            ParserPool.Lease parsers = PARSERS.lease(file, sourceId, checksums);
            new ChunkPipeline(channel, chunks, request.options().threads(), parsers.parsers(), request.cancellation())
                    .run(result -> {
                        for (ChunkResult.Problem problem : result.problems()) {
                            switch (problem.kind()) {
                                case FAILED -> stats.failed(problem.diagnostic());
                                case WARNING -> stats.warning(problem.diagnostic());
                                case CHUNK_SKIPPED -> stats.chunkSkipped(problem.diagnostic());
                            }
                        }
                        for (Event event : result.events()) {
                            sink.accept(event);
                        }
                        long emitted = result.events().size();
                        for (Event event : result.carved()) {
                            if (recovered.accept(event) && include) {
                                sink.accept(event);
                                emitted++;
                            }
                        }
                        stats.events(emitted);
                        request.progress().update(Math.min(size, ChunkPipeline.offsetOf(result.index() + 1L)), size,
                                null);
                    });
            stats.recovered(recovered.count());
            parsers.giveBack();
        }
        return stats.snapshot();
    }

    private static void reportHeader(FileHeader header, StatsCollector stats) {
        if (!header.signatureOk()) {
            stats.warningAtOffset(0, "the file header lacks the ElfFile signature; reading its chunks anyway");
            return;
        }
        if (!header.checksumOk() && !header.noChecksums()) {
            stats.warningAtOffset(124, "file header checksum mismatch (the header is informative only; chunks are read)");
        }
        if (header.dirty()) {
            stats.warningAtOffset(120, "the log was not closed cleanly (dirty flag): its header's counts may be stale;"
                    + " every chunk is read");
        }
    }

    /** Record id ranges of every chunk with a plausible header, to tell carved copies of live records apart. */
    private static LiveRecordIds liveRecordIds(FileChannel channel, long chunks) throws IOException {
        LiveRecordIds live = new LiveRecordIds();
        byte[] header = new byte[ChunkHeader.SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(header);
        for (long i = 0; i < chunks; i++) {
            buffer.clear();
            long offset = ChunkPipeline.offsetOf(i);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // fill the header
            }
            if (buffer.position() == ChunkHeader.SIZE && ChunkHeader.hasSignature(header, 0)) {
                ChunkHeader parsed = ChunkHeader.parse(header, 0);
                if (parsed.idRangePlausible()) {
                    live.add(parsed.firstRecordId(), parsed.lastRecordId());
                }
            }
        }
        return live;
    }
}
