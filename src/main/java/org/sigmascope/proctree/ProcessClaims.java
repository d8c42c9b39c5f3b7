package org.sigmascope.proctree;

/**
 * What one event says about one process: itself, or (for a start) its parent. Anything may be unknown.
 *
 * @param pid         the process id, or {@link #NO_PID}
 * @param guid        Sysmon's process GUID, or {@code null}
 * @param image       the executable's path, or {@code null}
 * @param commandLine the command line, or {@code null}
 * @param user        the account, or {@code null}
 * @param logonId     the logon session (LUID), or {@link #NO_LOGON}; for a parent, the creator's logon session that
 *                    Security 4688 gives as {@code SubjectLogonId}
 */
public record ProcessClaims(long pid, Guid guid, String image, String commandLine, String user, long logonId) {
    public static final long NO_PID = -1;
    public static final long NO_LOGON = Long.MIN_VALUE;
    public static final ProcessClaims NONE = new ProcessClaims(NO_PID, null, null, null, null, NO_LOGON);

    public boolean hasPid() {
        return pid != NO_PID;
    }

    public boolean hasLogon() {
        return logonId != NO_LOGON;
    }

    /** Whether the claims name a process at all (a GUID or a process id). */
    public boolean identifies() {
        return guid != null || hasPid();
    }
}
