package org.sigmascope.report;

import java.util.Map;

/**
 * Short names of common event log channels, as Hayabusa prints them ({@code Sec}, {@code Sysmon}, {@code PwSh}),
 * so that timelines stay narrow and analysts' existing filters on those names keep working.
 */
public final class Channels {
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("Security", "Sec"),
            Map.entry("System", "Sys"),
            Map.entry("Application", "App"),
            Map.entry("Microsoft-Windows-Sysmon/Operational", "Sysmon"),
            Map.entry("Microsoft-Windows-PowerShell/Operational", "PwSh"),
            Map.entry("Windows PowerShell", "PwShClassic"),
            Map.entry("Microsoft-Windows-WMI-Activity/Operational", "WMI"),
            Map.entry("Microsoft-Windows-TaskScheduler/Operational", "TaskSch"),
            Map.entry("Microsoft-Windows-Windows Defender/Operational", "Defender"),
            Map.entry("Microsoft-Windows-Bits-Client/Operational", "BitsCli"),
            Map.entry("Microsoft-Windows-WinRM/Operational", "WinRM"),
            Map.entry("Microsoft-Windows-NTLM/Operational", "NTLM"),
            Map.entry("Microsoft-Windows-CodeIntegrity/Operational", "CodeInteg"),
            Map.entry("Microsoft-Windows-TerminalServices-RDPClient/Operational", "RDP-Client"),
            Map.entry("Microsoft-Windows-Windows Firewall With Advanced Security/Firewall", "Firewall"),
            Map.entry("OpenSSH/Operational", "OpenSSH"));

    private Channels() {
    }

    /** The short name, or the channel itself when it has none. */
    public static String abbreviate(String channel) {
        return SHORT.getOrDefault(channel, channel);
    }
}
