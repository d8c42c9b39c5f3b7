package org.sigmascope.generate.evtx;

/**
 * Thrown when a record does not fit in what is left of the current chunk. Records never span chunks (docs/evtx-
 * checklist.md, "Record"), so the writer closes the chunk and encodes the record again in a new one. No stack
 * trace: this is flow control, thrown once per chunk.
 */
final class ChunkFull extends RuntimeException {
    static final ChunkFull INSTANCE = new ChunkFull();

    private ChunkFull() {
        super("chunk full", null, false, false);
    }
}
