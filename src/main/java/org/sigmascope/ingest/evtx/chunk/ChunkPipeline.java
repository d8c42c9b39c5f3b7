package org.sigmascope.ingest.evtx.chunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sigmascope.ingest.evtx.binxml.ChunkContext;
import org.sigmascope.task.Cancellation;

/**
 * Parses the chunks of one file on worker threads and hands the results on in chunk order. Each worker reads
 * its chunk with a positional read (long offsets: files over 4 GiB) and parses it with its own
 * {@link ChunkParser}. At most {@code 4 × threads} chunks are in flight, so memory stays bounded whatever the
 * file's size, and a slow consumer slows the workers down.
 */
public final class ChunkPipeline {
    /** Where chunk 0 starts: after the 4,096-byte file header. */
    public static final long FIRST_CHUNK = 4096;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final FileChannel channel;
    private final long chunks;
    private final int threads;
    private final Supplier<ChunkParser> parsers;
    private final Cancellation cancellation;

    public ChunkPipeline(FileChannel channel, long chunks, int threads, Supplier<ChunkParser> parsers,
                         Cancellation cancellation) {
        this.channel = channel;
        this.chunks = chunks;
        this.threads = Math.max(1, threads);
        this.parsers = parsers;
        this.cancellation = cancellation;
    }

    /** How many chunk slots a file of {@code size} bytes has (the last may be cut short). */
    public static long chunkCount(long size) {
        return size <= FIRST_CHUNK ? 0 : (size - FIRST_CHUNK + ChunkContext.CHUNK_SIZE - 1) / ChunkContext.CHUNK_SIZE;
    }

    public static long offsetOf(long index) {
        return FIRST_CHUNK + index * ChunkContext.CHUNK_SIZE;
    }

    public void run(Consumer<ChunkResult> consumer) throws IOException {
        if (threads == 1 || chunks <= 1) {
            ChunkParser parser = parsers.get();
            for (long i = 0; i < chunks; i++) {
                cancellation.check();
                consumer.accept(parse(parser, i));
            }
            return;
        }
        runParallel(consumer);
    }

    private void runParallel(Consumer<ChunkResult> consumer) throws IOException {
        int pool = POOLS.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "evtx-" + pool + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
        ThreadLocal<ChunkParser> local = ThreadLocal.withInitial(parsers);
        ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
        int window = threads * 4;
        long next = 0;
        try {
            while (next < chunks || !inFlight.isEmpty()) {
                while (next < chunks && inFlight.size() < window) {
                    long index = next++;
                    inFlight.add(executor.submit(() -> parse(local.get(), index)));
                }
                cancellation.check();
                consumer.accept(await(inFlight.poll()));
            }
        } finally {
            for (Future<ChunkResult> future : inFlight) {
                future.cancel(true);
            }
            executor.shutdownNow();
        }
    }

    private ChunkResult await(Future<ChunkResult> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private ChunkResult parse(ChunkParser parser, long index) {
        long offset = offsetOf(index);
        int length;
        try {
            length = read(channel, parser.buffer(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parser.parse((int) index, offset, length);
    }

    /** Fills {@code buffer} from {@code position}; returns how many bytes the file had. */
    public static int read(FileChannel channel, byte[] buffer, long position) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer);
        while (target.hasRemaining()) {
            int n = channel.read(target, position + target.position());
            if (n < 0) {
                break;
            }
        }
        return target.position();
    }
}
