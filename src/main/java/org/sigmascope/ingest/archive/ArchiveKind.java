package org.sigmascope.ingest.archive;

/** The containers read, by their magic numbers. */
public enum ArchiveKind {
    GZIP("gzip"), ZIP("zip"), TAR("tar");

    private final String format;

    ArchiveKind(String format) {
        this.format = format;
    }

    public String format() {
        return format;
    }

    /** The container a file starting with {@code head} is, or {@code null}. */
    public static ArchiveKind of(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6 || head[2] == 7 && head[3] == 8)) {
            return ZIP;
        }
        if (length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r') {
            return TAR;
        }
        return null;
    }
}
