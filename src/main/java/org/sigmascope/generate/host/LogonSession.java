package org.sigmascope.generate.host;

import org.sigmascope.generate.event.WinGuid;

/**
 * A logon session: what ties a 4624's {@code TargetLogonId} to the 4688 {@code SubjectLogonId} of the processes
 * started in it, and to Sysmon's {@code LogonId}/{@code LogonGuid}.
 *
 * @param account  who logged on
 * @param logonId  the logon id
 * @param guid     Sysmon's LogonGuid for it
 * @param elevated whether its token is the elevated one of a split (admin) logon
 */
public record LogonSession(Account account, long logonId, WinGuid guid, boolean elevated) {
}
