package org.sigmascope.ingest.evtx.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Chunk parsers kept from one file to the next. A parser's chunk caches are a megabyte of arrays, and its field
 * plans take the first records of each template a walk; a folder of logs (a triage collection has hundreds, most
 * of a few chunks) would pay both per file. The templates of one machine's logs recur from file to file, and a
 * plan is keyed by its template's program, not by the file, so a reused parser replays them from the first record.
 *
 * <p>Bounded: at most {@value #MAX_IDLE} idle parsers are kept. A parser goes back only when the read that took it
 * ended normally (every chunk parsed), so no worker can still be using it.
 */
public final class ParserPool {
    static final int MAX_IDLE = 4;

    private final ConcurrentLinkedDeque<ChunkParser> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /** The parsers one read takes, to give back when it ends. */
    public final class Lease {
        private final List<ChunkParser> taken = new ArrayList<>(2);
        private final String file;
        private final int sourceId;
        private final boolean checksums;

        private Lease(String file, int sourceId, boolean checksums) {
            this.file = file;
            this.sourceId = sourceId;
            this.checksums = checksums;
        }

        /** A parser for this read's file: an idle one, or a new one. Called by each worker thread once. */
        public Supplier<ChunkParser> parsers() {
            return () -> {
                ChunkParser parser = idle.pollFirst();
                if (parser == null) {
                    parser = new ChunkParser(file, sourceId, checksums);
                } else {
                    idleCount.decrementAndGet();
                    parser.source(file, sourceId, checksums);
                }
                synchronized (taken) {
                    taken.add(parser);
                }
                return parser;
            };
        }

        /** The read ended normally: its parsers are idle again. */
        public void giveBack() {
            synchronized (taken) {
                for (ChunkParser parser : taken) {
                    if (idleCount.incrementAndGet() <= MAX_IDLE) {
                        idle.addFirst(parser);
                    } else {
                        idleCount.decrementAndGet();
                    }
                }
                taken.clear();
            }
        }
    }

    public Lease lease(String file, int sourceId, boolean checksums) {
        return new Lease(file, sourceId, checksums);
    }
}
