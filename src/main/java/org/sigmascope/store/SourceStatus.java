package org.sigmascope.store;

import java.util.Locale;

/** Where a source's import stands. */
public enum SourceStatus {
    /** Being read now, by this process. Found at opening, it means the process that read it died. */
    IMPORTING,
    /** Stopped before the end (cancelled, or the process died): its committed events are kept; resume or roll back. */
    INTERRUPTED,
    /** Read to the end. */
    COMPLETE,
    /** Could not be read at all. */
    FAILED;

    /** The name stored in {@code sources.status}. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
