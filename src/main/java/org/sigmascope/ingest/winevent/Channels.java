package org.sigmascope.ingest.winevent;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Channel names as Windows spells them. Windows treats channel names without regard to case, and some exports
 * lower-case them (NXLog writes both {@code Security} and {@code security} in one file); logsource rules and the
 * timeline compare them as written, so well-known channels are given their canonical spelling.
 */
public final class Channels {
    public static final String SECURITY = "Security";
    public static final String SYSTEM = "System";
    public static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    public static final String POWERSHELL = "Microsoft-Windows-PowerShell/Operational";
    public static final String POWERSHELL_CLASSIC = "Windows PowerShell";

    private static final List<String> KNOWN = List.of(
            "Application", SECURITY, SYSTEM, "Setup", "ForwardedEvents", POWERSHELL_CLASSIC, SYSMON, POWERSHELL,
            "Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-TaskScheduler/Operational",
            "Microsoft-Windows-WMI-Activity/Operational", "Microsoft-Windows-Bits-Client/Operational",
            "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational",
            "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
            "Microsoft-Windows-TerminalServices-RDPClient/Operational", "Microsoft-Windows-DNS-Client/Operational",
            "Microsoft-Windows-CodeIntegrity/Operational", "Microsoft-Windows-AppLocker/EXE and DLL",
            "Microsoft-Windows-AppLocker/MSI and Script", "Microsoft-Windows-AppLocker/Packaged app-Deployment",
            "Microsoft-Windows-AppLocker/Packaged app-Execution", "Microsoft-Windows-NTLM/Operational",
            "Microsoft-Windows-SmbClient/Security", "Microsoft-Windows-WinRM/Operational",
            "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall",
            "Microsoft-Windows-DriverFrameworks-UserMode/Operational", "Microsoft-Windows-PrintService/Admin",
            "Microsoft-Windows-PrintService/Operational", "Microsoft-Windows-Security-Mitigations/KernelMode",
            "Microsoft-Windows-Security-Mitigations/UserMode", "Microsoft-Windows-LDAP-Client/Debug",
            "Microsoft-Windows-DHCP-Server/Operational", "Microsoft-ServiceBus-Client", "MSExchange Management",
            "OpenSSH/Operational", "DNS Server", "Key Management Service", "Microsoft-Windows-CAPI2/Operational",
            "Microsoft-Windows-Shell-Core/Operational", "Microsoft-Windows-Kernel-PnP/Configuration");

    /** The abbreviations Hayabusa writes in its timelines (its config/channel_abbreviations.txt). */
    private static final Map<String, String> HAYABUSA = Map.ofEntries(
            Map.entry("app", "Application"), Map.entry("dns-svr", "DNS Server"),
            Map.entry("keymgtsvc", "Key Management Service"), Map.entry("svcbuscli", "Microsoft-ServiceBus-Client"),
            Map.entry("codeinteg", "Microsoft-Windows-CodeIntegrity/Operational"),
            Map.entry("ldap-cli", "Microsoft-Windows-LDAP-Client/Debug"),
            Map.entry("bitscli", "Microsoft-Windows-Bits-Client/Operational"),
            Map.entry("dhcp-svr", "Microsoft-Windows-DHCP-Server/Operational"),
            Map.entry("dvrfmwk", "Microsoft-Windows-DriverFrameworks-UserMode/Operational"),
            Map.entry("ntlm", "Microsoft-Windows-NTLM/Operational"),
            Map.entry("smbclisec", "Microsoft-Windows-SmbClient/Security"), Map.entry("sysmon", SYSMON),
            Map.entry("tasksch", "Microsoft-Windows-TaskScheduler/Operational"),
            Map.entry("rdp-client", "Microsoft-Windows-TerminalServices-RDPClient/Operational"),
            Map.entry("printadm", "Microsoft-Windows-PrintService/Admin"),
            Map.entry("printop", "Microsoft-Windows-PrintService/Operational"), Map.entry("pwsh", POWERSHELL),
            Map.entry("defender", "Microsoft-Windows-Windows Defender/Operational"),
            Map.entry("firewall", "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"),
            Map.entry("winrm", "Microsoft-Windows-WinRM/Operational"),
            Map.entry("wmi", "Microsoft-Windows-WMI-Activity/Operational"),
            Map.entry("exchange", "MSExchange Management"), Map.entry("openssh", "OpenSSH/Operational"),
            Map.entry("sec", SECURITY), Map.entry("sys", SYSTEM), Map.entry("pwshclassic", POWERSHELL_CLASSIC));

    /** The channel each well-known provider writes to, for exports that give only the provider (Event Viewer CSV). */
    private static final Map<String, String> BY_PROVIDER = Map.ofEntries(
            Map.entry("microsoft-windows-security-auditing", SECURITY),
            Map.entry("microsoft-windows-sysmon", SYSMON),
            Map.entry("microsoft-windows-powershell", POWERSHELL),
            Map.entry("powershell", POWERSHELL_CLASSIC),
            Map.entry("service control manager", SYSTEM),
            Map.entry("microsoft-windows-windows defender", "Microsoft-Windows-Windows Defender/Operational"),
            Map.entry("microsoft-windows-taskscheduler", "Microsoft-Windows-TaskScheduler/Operational"),
            Map.entry("microsoft-windows-wmi-activity", "Microsoft-Windows-WMI-Activity/Operational"),
            Map.entry("microsoft-windows-bits-client", "Microsoft-Windows-Bits-Client/Operational"),
            Map.entry("microsoft-windows-kernel-general", SYSTEM),
            Map.entry("microsoft-windows-kernel-power", SYSTEM));

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (String channel : KNOWN) {
            CANONICAL.put(channel.toLowerCase(Locale.ROOT), channel);
        }
    }

    private Channels() {
    }

    /** The canonical spelling of a well-known channel; other names unchanged. */
    public static String canonical(String channel) {
        if (channel == null) {
            return null;
        }
        String known = CANONICAL.get(channel.toLowerCase(Locale.ROOT));
        return known != null ? known : channel;
    }

    /** A channel written as Hayabusa abbreviates it, in full; other names canonicalized. */
    public static String fromHayabusa(String channel) {
        if (channel == null) {
            return null;
        }
        String full = HAYABUSA.get(channel.toLowerCase(Locale.ROOT));
        return full != null ? full : canonical(channel);
    }

    /** The channel a well-known provider writes to, or {@code null} when it is not known or not unique. */
    public static String forProvider(String provider) {
        return provider == null ? null : BY_PROVIDER.get(provider.trim().toLowerCase(Locale.ROOT));
    }
}
