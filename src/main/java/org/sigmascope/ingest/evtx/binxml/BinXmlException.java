package org.sigmascope.ingest.evtx.binxml;

/** BinXML that cannot be read, with the chunk-relative offset where it went wrong. */
public final class BinXmlException extends RuntimeException {
    private final int offset;

    public BinXmlException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** Offset inside the chunk. */
    public int offset() {
        return offset;
    }
}
