package org.sigmascope.generate.event;

/**
 * The event logs a generated host writes, each to its own file named as Windows names it under
 * {@code C:\Windows\System32\winevt\Logs} ({@code /} in a channel name becomes {@code %4}).
 */
public enum LogChannel {
    SECURITY("Security"),
    SYSTEM("System"),
    SYSMON("Microsoft-Windows-Sysmon/Operational"),
    POWERSHELL("Microsoft-Windows-PowerShell/Operational"),
    WMI_ACTIVITY("Microsoft-Windows-WMI-Activity/Operational");

    private final String channelName;

    LogChannel(String channelName) {
        this.channelName = channelName;
    }

    /** The channel as the event's {@code Channel} element gives it. */
    public String channelName() {
        return channelName;
    }

    /** The log's file name without extension, e.g. {@code Microsoft-Windows-Sysmon%4Operational}. */
    public String fileStem() {
        return channelName.replace("/", "%4");
    }
}
