package org.sigmascope.ingest.evtx.chunk;

import java.util.Arrays;

import org.sigmascope.ingest.evtx.binxml.BinXmlException;
import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.binxml.ChunkContext;
import org.sigmascope.ingest.evtx.render.RecordFlattener;
import org.sigmascope.ingest.evtx.value.ValueDecoder;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Parses one chunk (evtx-checklist "Chunk", "Record"): checks its header, walks its records from offset 512 to
 * the free space offset, flattens each to fields, and carves records from the slack after it. A damaged record
 * is reported with its chunk and file offset and the walk goes on at the next record signature; checksum
 * mismatches are warnings and never drop data. One parser per worker thread (it owns the chunk's caches).
 */
public final class ChunkParser {
    static final int RECORD_SIGNATURE = 0x00002A2A;
    static final int RECORD_HEADER = 24;
    /** Header, at least one BinXML byte... in practice the smallest record is far larger; 28 is the format's floor. */
    static final int MIN_RECORD = 28;

    private final ChunkContext context;
    private final ValueDecoder decoder = new ValueDecoder();
    private final RecordFlattener flattener;
    private String file;
    private int sourceId;
    private boolean checksums;
    private long[] liveIds = new long[256];
    private int liveCount;

    /**
     * @param file      the source as the analyst knows it, for diagnostics
     * @param checksums whether to verify checksums (the file header may say the writer kept none)
     */
    public ChunkParser(String file, int sourceId, boolean checksums) {
        this.context = new ChunkContext(decoder.text());
        this.flattener = new RecordFlattener(context, decoder);
        source(file, sourceId, checksums);
    }

    /**
     * Readies the parser for the chunks of another file (a parser is reused: its buffers and caches, a megabyte,
     * and its field plans, which the same templates in the next log can replay).
     */
    ChunkParser source(String file, int sourceId, boolean checksums) {
        this.file = file;
        this.sourceId = sourceId;
        this.checksums = checksums;
        return this;
    }

    /** The buffer to fill with the chunk's bytes before {@link #parse}. */
    public byte[] buffer() {
        return context.data();
    }

    /**
     * Parses the chunk in {@link #buffer()}.
     *
     * @param index      the chunk's number in the file (0 = the chunk at offset 4,096)
     * @param fileOffset where the chunk starts in the file
     * @param length     how many bytes were read (less than 65,536 when the file ends inside the chunk)
     */
    public ChunkResult parse(int index, long fileOffset, int length) {
        ChunkResult result = new ChunkResult(index);
        byte[] data = context.data();
        if (length < ChunkContext.CHUNK_SIZE) {
            Arrays.fill(data, Math.max(0, length), ChunkContext.CHUNK_SIZE, (byte) 0);
            if (!Bytes.allZero(data, 0, Math.max(0, length))) {
                warning(result, fileOffset, "chunk " + index + ": the file ends after " + length
                        + " of its 65536 bytes; reading what is there");
            }
        }
        context.reset();
        if (!ChunkHeader.hasSignature(data, 0)) {
            if (!Bytes.allZero(data, 0, ChunkContext.CHUNK_SIZE)) {
                result.problems.add(new ChunkResult.Problem(ChunkResult.Kind.CHUNK_SKIPPED,
                        Diagnostic.errorAtOffset(file, fileOffset, "chunk " + index
                                + ": bad signature (not ElfChnk); records in it are only carved with recovery")));
                carve(result, index, fileOffset, ChunkHeader.SIZE);
            }
            return result;
        }
        ChunkHeader header = ChunkHeader.parse(data, 0);
        if (checksums && !header.headerChecksumOk(data)) {
            warning(result, fileOffset, "chunk " + index + ": header checksum mismatch (data kept)");
        }
        int end = ChunkContext.CHUNK_SIZE;
        if (header.freeSpaceValid()) {
            end = (int) header.freeSpaceOffset();
            if (checksums && !header.dataChecksumOk(data)) {
                warning(result, fileOffset, "chunk " + index + ": record data checksum mismatch (data kept)");
            }
        } else {
            warning(result, fileOffset + 48, "chunk " + index + ": free space offset " + header.freeSpaceOffset()
                    + " is impossible; reading records to the end of the chunk");
        }
        liveCount = 0;
        int stop = walk(result, header, index, fileOffset, end);
        carve(result, index, fileOffset, stop);
        return result;
    }

    /**
     * Live records: one after another from 512 to the free space offset, and no further than the header's last
     * record id (as the Rust evtx crate reads them). A damaged record is reported and the walk goes on at the next
     * record signature; a record found that way whose id is outside the header's range is an older record left in
     * the chunk, not a live one, and the walk stops there (carving looks at the rest). Returns where it stopped.
     */
    private int walk(ChunkResult result, ChunkHeader header, int index, long fileOffset, int end) {
        byte[] data = context.data();
        boolean checkIds = header.idRangePlausible();
        boolean resynced = false;
        int p = ChunkHeader.SIZE;
        while (p + RECORD_HEADER <= end) {
            int signature = Bytes.i32(data, p);
            if (signature != RECORD_SIGNATURE) {
                if (Bytes.allZero(data, p, end - p)) {
                    return end;
                }
                int next = nextSignature(data, p + 1, end);
                failed(result, fileOffset + p, "chunk " + index + ": no record signature at chunk offset 0x"
                        + Integer.toHexString(p) + (next < 0 ? "; the rest of the chunk's records are unreadable"
                        : "; skipped " + (next - p) + " bytes to the next record"));
                if (next < 0) {
                    return end;
                }
                p = next;
                resynced = true;
                continue;
            }
            long size = Bytes.u32(data, p + 4);
            long recordId = Bytes.i64(data, p + 8);
            if (resynced && checkIds && (recordId < header.firstRecordId() || recordId > header.lastRecordId())) {
                return p;
            }
            if (size < MIN_RECORD || p + size > ChunkContext.CHUNK_SIZE) {
                int next = nextSignature(data, p + 4, end);
                failed(result, fileOffset + p, "chunk " + index + ": record " + recordId + " has an impossible size "
                        + size + (next < 0 ? "" : "; skipped to the next record"));
                if (next < 0) {
                    return end;
                }
                p = next;
                resynced = true;
                continue;
            }
            if (Bytes.u32(data, p + (int) size - 4) != size && !followedByRecord(data, p + (int) size, end)) {
                // The copy is written last: a log that was not closed cleanly may lack it. Keep the record if it
                // parses; otherwise it is lost and the walk resumes at the next signature.
                Event event = record(result, index, fileOffset, p, (int) size, false);
                if (event == null) {
                    int next = nextSignature(data, p + 4, end);
                    if (next < 0) {
                        return end;
                    }
                    p = next;
                    resynced = true;
                    continue;
                }
                warning(result, fileOffset + p, "chunk " + index + ": record " + recordId + ": its trailing size copy "
                        + Bytes.u32(data, p + (int) size - 4) + " does not match its size " + size + " (record kept)");
                result.events.add(event);
                remember(recordId);
                p += (int) size;
                continue;
            }
            Event event = record(result, index, fileOffset, p, (int) size, false);
            if (event != null) {
                result.events.add(event);
                remember(recordId);
            }
            p += (int) size;
            if (checkIds && recordId == header.lastRecordId()) {
                return p;
            }
        }
        return end;
    }

    /** Whether a record (or the end of the records) starts at {@code p}: the size is then right, the copy wrong. */
    private static boolean followedByRecord(byte[] data, int p, int end) {
        return p == end || p + 4 <= end && Bytes.i32(data, p) == RECORD_SIGNATURE;
    }

    /** Carves records from {@code [from, 65536)}: a signature whose size matches its trailing copy. */
    private void carve(ChunkResult result, int index, long fileOffset, int from) {
        byte[] data = context.data();
        int p = nextSignature(data, from, ChunkContext.CHUNK_SIZE);
        while (p >= 0 && p + RECORD_HEADER <= ChunkContext.CHUNK_SIZE) {
            long size = Bytes.u32(data, p + 4);
            if (size >= MIN_RECORD && p + size <= ChunkContext.CHUNK_SIZE
                    && Bytes.u32(data, p + (int) size - 4) == size && !isLive(Bytes.i64(data, p + 8))) {
                Event event = record(result, index, fileOffset, p, (int) size, true);
                // A carved record must at least parse to fields: bytes that merely look like a record are not one.
                if (event != null && !event.fields().isEmpty()) {
                    result.carved.add(event);
                    p = nextSignature(data, p + (int) size, ChunkContext.CHUNK_SIZE);
                    continue;
                }
            }
            p = nextSignature(data, p + 4, ChunkContext.CHUNK_SIZE);
        }
    }

    private Event record(ChunkResult result, int index, long fileOffset, int p, int size, boolean recovered) {
        byte[] data = context.data();
        long recordId = Bytes.i64(data, p + 8);
        long written = Bytes.i64(data, p + 16);
        decoder.text().clearLossy();
        Fields fields;
        try {
            fields = flattener.flatten(p + RECORD_HEADER, p + size - 4);
        } catch (BinXmlException e) {
            if (!recovered) {
                failed(result, fileOffset + e.offset(), "chunk " + index + ": record " + recordId + " at 0x"
                        + Long.toHexString(fileOffset + p) + ": " + e.getMessage());
            }
            return null;
        } catch (RuntimeException e) {
            if (!recovered) {
                failed(result, fileOffset + p, "chunk " + index + ": record " + recordId + ": unreadable BinXML ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
            return null;
        }
        if (decoder.text().lossy()) {
            warning(result, fileOffset + p, "chunk " + index + ": record " + recordId
                    + ": text that is not valid UTF-16 or windows-1252 was decoded with replacement characters");
        }
        long time = flattener.timeCreated() >= 0 ? flattener.timeCreated() : written;
        Event event = EventFactory.fromFields(sourceId, fields, Timestamps.fromFiletime(time), fileOffset + p,
                recovered);
        if (event.recordId() < 0) {
            event = new Event(0, sourceId, recordId, event.timestamp(), event.computer(), event.channel(),
                    event.provider(), event.eventId(), event.level(), fields, fileOffset + p, recovered);
        }
        return event;
    }

    private void remember(long recordId) {
        if (liveCount == liveIds.length) {
            liveIds = Arrays.copyOf(liveIds, liveCount * 2);
        }
        liveIds[liveCount++] = recordId;
    }

    private boolean isLive(long recordId) {
        for (int i = 0; i < liveCount; i++) {
            if (liveIds[i] == recordId) {
                return true;
            }
        }
        return false;
    }

    /** The next {@code 2A 2A 00 00} at or after {@code from}, or -1. */
    static int nextSignature(byte[] data, int from, int end) {
        int p = Math.max(from, 0);
        while (p + 4 <= end) {
            // Slack is mostly zeros or text: eight bytes without a 0x2A cannot start a signature.
            if (p + 8 <= end && !Bytes.hasAsterisk(Bytes.i64(data, p))) {
                p += 8;
            } else if (data[p] == 0x2A && data[p + 1] == 0x2A && data[p + 2] == 0 && data[p + 3] == 0) {
                return p;
            } else {
                p++;
            }
        }
        return -1;
    }

    private void failed(ChunkResult result, long offset, String message) {
        result.problems.add(new ChunkResult.Problem(ChunkResult.Kind.FAILED,
                Diagnostic.errorAtOffset(file, offset, message)));
    }

    private void warning(ChunkResult result, long offset, String message) {
        result.problems.add(new ChunkResult.Problem(ChunkResult.Kind.WARNING,
                Diagnostic.warningAtOffset(file, offset, message)));
    }
}
