package org.sigmascope.integrity;

/**
 * What re-hashing one source of a case found.
 *
 * @param sourceId    the source's id in the case
 * @param path        the evidence file as recorded at import
 * @param verdict     the outcome
 * @param recorded    the SHA-256 recorded at import, or {@code null} (a source that is not a file)
 * @param actual      the SHA-256 the file has now, or {@code null} when it could not be read
 * @param detail      why, for anything but {@link Verdict#INTACT}
 */
public record EvidenceCheck(int sourceId, String path, Verdict verdict, String recorded, String actual,
                            String detail) {

    /** The outcome of re-checking one source. */
    public enum Verdict {
        /** Same SHA-256 as at import. */
        INTACT,
        /** The file is there but its content differs from what was imported. */
        CHANGED,
        /** The file is gone or cannot be read. */
        MISSING,
        /** Nothing to compare with: the source was not a file on disk (a generated stream). */
        UNRECORDED
    }

    public boolean intact() {
        return verdict == Verdict.INTACT;
    }
}
