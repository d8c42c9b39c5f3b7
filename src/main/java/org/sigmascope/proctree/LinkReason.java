package org.sigmascope.proctree;

import java.util.Locale;

/** Why a link is what it is: the basis of an exact or inferred link, or why the parent is unknown. */
public enum LinkReason {
    /** Exact: the child's {@code ParentProcessGuid}. */
    GUID,
    /** Inferred: the parent process id and the time of the child's start. */
    PID_AND_TIME,
    /** Unknown: no process with the parent's id was seen on the host before the child started. */
    NEVER_SEEN,
    /** Unknown: the last process seen with the parent's id had stopped before the child started: the id was reused. */
    PID_REUSED,
    /** Unknown: the process holding the id ran in another logon session than the child's creator. */
    LOGON_MISMATCH,
    /** Unknown: the process holding the id runs another executable than the child names as its parent. */
    IMAGE_MISMATCH,
    /** Unknown: the process holding the id was started with another command line than the child's start names. */
    COMMAND_LINE_MISMATCH,
    /** Unknown: the child's event names no parent. */
    NO_PARENT_ID,
    /** Unknown: the child's event has no time, so no process can be placed before it. */
    NO_TIME,
    /** Unknown: the process was never seen starting (a placeholder), so no event names its parent. */
    PLACEHOLDER,
    /** Unknown: the links made a loop (contradictory evidence); the loop was cut here. */
    CYCLE;

    static final LinkReason[] ALL = values();

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
