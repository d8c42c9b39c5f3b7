package org.sigmascope.ingest.archive;

/**
 * How much an archive may expand to, so that a decompression bomb (kilobytes that inflate to terabytes) is
 * stopped: at most 100 times the archive's size, and never less than 1 GiB (small archives of text compress very
 * well) nor more than 256 GiB in all; at most 100,000 members and 4 levels of archives in archives.
 */
record ExpansionLimit(long totalBytes, int maxMembers, int maxDepth) {
    static final long MIN_BYTES = 1L << 30;
    static final long MAX_BYTES = 256L << 30;
    static final int RATIO = 100;

    static ExpansionLimit forArchiveOf(long compressedBytes) {
        long allowed = Math.max(MIN_BYTES, Math.min(MAX_BYTES, compressedBytes * RATIO));
        return new ExpansionLimit(allowed, 100_000, 4);
    }
}
