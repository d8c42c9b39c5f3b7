package org.sigmascope.proctree;

import java.util.Locale;

/** How sure the tree is of a process's parent. */
public enum LinkKind {
    /** The child's event names its parent's process GUID: the link is what the evidence says. */
    EXACT,
    /**
     * Chosen by process id and time: the latest process on the same host with the parent process id the child
     * gives, started before the child and not stopped, whose logon session and image do not contradict the child.
     */
    INFERRED,
    /** No process seen in the evidence can be the parent; the parent, if named at all, is a placeholder. */
    UNKNOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
