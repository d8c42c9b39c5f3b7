package org.sigmascope.generate.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

import org.sigmascope.generate.EventLogWriter;
import org.sigmascope.generate.event.SimEvent;

/**
 * Writes an EVTX file as the Windows event log service leaves a cleanly closed log: a 4 KiB file header, then
 * 64 KiB chunks, each with its own string and template tables and valid CRC32s. Streaming: one chunk in memory.
 */
public final class EvtxFileWriter implements EventLogWriter {
    static final int FILE_HEADER_SIZE = 4096;
    /** 3.2 is what Windows 10 2004 and later write. */
    static final int MAJOR_VERSION = 3;
    static final int MINOR_VERSION = 2;
    private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final FileChannel channel;
    private final Chunk chunk = new Chunk();
    private final RecordEncoder encoder = new RecordEncoder(chunk);
    private long chunks;
    private long records;
    private long nextRecordId = 1;

    public EvtxFileWriter(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        channel.write(ByteBuffer.allocate(FILE_HEADER_SIZE), 0);
        channel.position(FILE_HEADER_SIZE);
    }

    @Override
    public void write(SimEvent event, long recordId) throws IOException {
        int start = chunk.buffer.position();
        try {
            encoder.encode(event, recordId);
        } catch (ChunkFull full) {
            chunk.rolledBack(start);
            if (chunk.isEmpty()) {
                throw new IOException(path + ": event " + event.schema().eventId() + " (record " + recordId
                        + ") does not fit in a 64 KiB chunk");
            }
            flushChunk();
            write(event, recordId);
            return;
        }
        chunk.committed(recordId, start);
        records++;
        nextRecordId = recordId + 1;
    }

    @Override
    public long count() {
        return records;
    }

    private void flushChunk() throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(chunk.finish());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        chunks++;
        chunk.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            if (!chunk.isEmpty()) {
                flushChunk();
            }
            ByteBuffer header = ByteBuffer.wrap(fileHeader());
            channel.write(header, 0);
        } finally {
            channel.close();
        }
    }

    private byte[] fileHeader() {
        byte[] b = new byte[FILE_HEADER_SIZE];
        ByteBuffer h = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put(SIGNATURE);
        h.putLong(8, 0);                       // oldest chunk
        h.putLong(16, Math.max(0, chunks - 1)); // current chunk
        h.putLong(24, nextRecordId);
        h.putInt(32, 128);
        h.putShort(36, (short) MINOR_VERSION);
        h.putShort(38, (short) MAJOR_VERSION);
        h.putShort(40, (short) FILE_HEADER_SIZE);
        h.putShort(42, (short) chunks);         // wraps above 65,535 chunks, as Windows' own field does
        h.putInt(120, 0);                       // flags: closed cleanly, not full
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        h.putInt(124, (int) crc.getValue());
        return b;
    }
}
