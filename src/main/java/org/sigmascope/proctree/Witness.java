package org.sigmascope.proctree;

/** The log that saw a process: it decides which identifiers an event carries and how far they can be trusted. */
public enum Witness {
    /** Sysmon (Microsoft-Windows-Sysmon/Operational): process GUIDs, decimal process ids. */
    SYSMON,
    /** The Security log (4688, 4689, object access, filtering platform): hex process ids and logon ids, no GUIDs. */
    SECURITY,
    /** PowerShell/Operational: the PowerShell host's process id in the event's {@code Execution_ProcessID}. */
    POWERSHELL
}
