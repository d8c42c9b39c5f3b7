package org.sigmascope.generate.host;

import org.sigmascope.generate.event.WinGuid;

/**
 * A process on a simulated host, from its start to its exit.
 *
 * @param pid         its process id (a multiple of 4; reused after exit)
 * @param guid        its Sysmon ProcessGuid, unique even when the pid is reused
 * @param image       the executable's full path
 * @param commandLine its command line
 * @param directory   its current directory
 * @param session     the logon session (account, logon id) its token belongs to
 * @param integrity   {@code System}, {@code High}, {@code Medium} or {@code Low}
 * @param terminalSessionId 0 for services, 1 for the console user
 * @param parent      the process that started it, or {@code null} for System's children
 * @param startTicks  when it started (FILETIME)
 * @param info        its version resource and hashes
 * @param injected    started by a scenario: background activity leaves it alone
 */
public record SimProcess(long pid, WinGuid guid, String image, String commandLine, String directory,
                         LogonSession session, String integrity, long terminalSessionId, SimProcess parent,
                         long startTicks, ImageInfo info, boolean injected) {

    /** Processes are distinct by identity: two starts of the same program are two processes. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The file name, e.g. {@code svchost.exe}. */
    public String fileName() {
        return image.substring(image.lastIndexOf('\\') + 1);
    }

    public Account account() {
        return session.account();
    }

    /** The mandatory label SID that 4688 writes for the integrity level. */
    public String mandatoryLabel() {
        return switch (integrity) {
            case "System" -> "S-1-16-16384";
            case "High" -> "S-1-16-12288";
            case "Low" -> "S-1-16-4096";
            default -> "S-1-16-8192";
        };
    }
}
