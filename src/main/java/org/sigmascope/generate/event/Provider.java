package org.sigmascope.generate.event;

/**
 * An event provider.
 *
 * @param name            the provider name
 * @param guid            the provider GUID
 * @param eventSourceName for classic (event-source) providers such as the Service Control Manager, the name that
 *                        Windows writes as {@code EventSourceName}; {@code null} for manifest (ETW) providers
 */
public record Provider(String name, WinGuid guid, String eventSourceName) {

    public static final Provider SYSMON = new Provider("Microsoft-Windows-Sysmon",
            WinGuid.parse("5770385F-C22A-43E0-BF4C-06F5698FFBD9"), null);
    public static final Provider SECURITY_AUDITING = new Provider("Microsoft-Windows-Security-Auditing",
            WinGuid.parse("54849625-5478-4994-A5BA-3E3B0328C30D"), null);
    public static final Provider POWERSHELL = new Provider("Microsoft-Windows-PowerShell",
            WinGuid.parse("A0C1853B-5C40-4B15-8766-3CF1C58F985A"), null);
    public static final Provider WMI_ACTIVITY = new Provider("Microsoft-Windows-WMI-Activity",
            WinGuid.parse("1418EF04-B0B4-4623-BF7E-D74AB47BBDAA"), null);
    public static final Provider SERVICE_CONTROL_MANAGER = new Provider("Service Control Manager",
            WinGuid.parse("555908D1-A6D7-4695-8E1E-26931D2012F4"), "Service Control Manager");

    /** Whether Windows writes this provider's events with the classic template (literal provider and channel). */
    public boolean classic() {
        return eventSourceName != null;
    }
}
