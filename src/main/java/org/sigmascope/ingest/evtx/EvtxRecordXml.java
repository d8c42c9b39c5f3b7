package org.sigmascope.ingest.evtx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.sigmascope.ingest.evtx.binxml.BinXmlEvaluator;
import org.sigmascope.ingest.evtx.binxml.BinXmlException;
import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.binxml.ChunkContext;
import org.sigmascope.ingest.evtx.chunk.ChunkPipeline;
import org.sigmascope.ingest.evtx.render.XmlRenderer;
import org.sigmascope.ingest.evtx.value.ValueDecoder;

/**
 * Renders single records of an EVTX file as XML, on demand, by their byte offset ({@code Event.location()}):
 * for the detail view and {@code dump -f xml}. Keeps the last chunk it read, so records asked for in file order
 * cost one chunk read per chunk. Not thread-safe; close it to release the file.
 */
public final class EvtxRecordXml implements AutoCloseable {
    private final FileChannel channel;
    private final ValueDecoder decoder = new ValueDecoder();
    private final ChunkContext context = new ChunkContext(decoder.text());
    private final BinXmlEvaluator evaluator = new BinXmlEvaluator(context);
    private final XmlRenderer renderer = new XmlRenderer(decoder);
    private long loadedChunk = -1;

    public EvtxRecordXml(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * The record at {@code offset} as XML, as Windows renders it.
     *
     * @throws IOException when the file cannot be read or no readable record starts at {@code offset}
     */
    public String record(long offset) throws IOException {
        if (offset < ChunkPipeline.FIRST_CHUNK) {
            throw new IOException("no record at offset " + offset + ": records start after the file header");
        }
        long chunk = (offset - ChunkPipeline.FIRST_CHUNK) / ChunkContext.CHUNK_SIZE;
        if (chunk != loadedChunk) {
            loadedChunk = -1;
            byte[] data = context.data();
            int length = ChunkPipeline.read(channel, data, ChunkPipeline.offsetOf(chunk));
            java.util.Arrays.fill(data, length, data.length, (byte) 0);
            context.reset();
            loadedChunk = chunk;
        }
        int p = (int) (offset - ChunkPipeline.offsetOf(chunk));
        byte[] data = context.data();
        if (p + 28 > ChunkContext.CHUNK_SIZE || Bytes.i32(data, p) != 0x00002A2A) {
            throw new IOException("no record signature at offset 0x" + Long.toHexString(offset));
        }
        long size = Bytes.u32(data, p + 4);
        if (size < 28 || p + size > ChunkContext.CHUNK_SIZE) {
            throw new IOException("record at offset 0x" + Long.toHexString(offset) + " has an impossible size " + size);
        }
        StringBuilder xml = new StringBuilder(2048);
        renderer.begin(xml);
        try {
            evaluator.record(p + 24, p + (int) size - 4, true, renderer);
        } catch (BinXmlException e) {
            throw new IOException("record at offset 0x" + Long.toHexString(offset) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("record at offset 0x" + Long.toHexString(offset) + ": unreadable BinXML ("
                    + e + ")", e);
        }
        return xml.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
