package org.sigmascope.proctree;

import java.util.Locale;

/** The outcome of comparing what a child says about its parent with what is known of a candidate parent. */
public enum Check {
    AGREED,
    /** One side was unknown. */
    NOT_COMPARED,
    /** Only on refused candidates: the reason the link was not made. */
    DISAGREED;

    static final Check[] ALL = values();

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
