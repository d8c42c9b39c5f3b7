package org.sigmascope.ingest.winevent;

import java.util.Set;

/**
 * Fields whose EVTX type is a hexadecimal integer, which Windows and the EVTX flattening show as {@code 0x3e7}:
 * logon and process ids of the Security log, Sysmon's {@code LogonId}. Some exporters (Velociraptor) turn them into
 * decimal numbers; rules compare them as text ({@code SubjectLogonId: '0x3e7'}), so they are turned back.
 */
public final class HexFields {
    private static final Set<String> SECURITY_HEX = Set.of("SubjectLogonId", "TargetLogonId", "TargetLinkedLogonId",
            "LogonId", "ProcessId", "NewProcessId", "CallerProcessId", "HandleId", "SourceHandleId",
            "TargetHandleId", "SourceProcessId", "TargetProcessId", "AccessMask", "TicketOptions", "Status",
            "SubStatus", "ParentProcessId");

    private HexFields() {
    }

    /** Whether a field of the channel is a hexadecimal integer in EVTX. */
    public static boolean isHex(String channel, String field) {
        return Channels.SECURITY.equals(channel) ? SECURITY_HEX.contains(field)
                : Channels.SYSMON.equals(channel) && field.equals("LogonId");
    }

    /** {@code 0x} and lower-case hexadecimal, without padding. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
