package org.sigmascope.generate.event;

import static org.sigmascope.generate.event.FieldType.BOOL;
import static org.sigmascope.generate.event.FieldType.GUID;
import static org.sigmascope.generate.event.FieldType.HEX32;
import static org.sigmascope.generate.event.FieldType.HEX64;
import static org.sigmascope.generate.event.FieldType.INT32;
import static org.sigmascope.generate.event.FieldType.POINTER;
import static org.sigmascope.generate.event.FieldType.SID;
import static org.sigmascope.generate.event.FieldType.STRING;
import static org.sigmascope.generate.event.FieldType.UINT16;
import static org.sigmascope.generate.event.FieldType.UINT32;

import java.util.ArrayList;
import java.util.List;

/**
 * The event kinds the generator writes, with field names, order and types copied from real records (Sysmon 15 on
 * Windows 10/11, Security auditing of Windows 10, the corpus samples under {@code ../shared/corpus/evtx}).
 */
public final class Schemas {
    private static final long SYSMON_KEYWORDS = 0x8000000000000000L;
    private static final long AUDIT_SUCCESS = 0x8020000000000000L;

    public static final EventSchema SYSMON_PROCESS_CREATE = sysmon(1, 5, "Process creation",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "FileVersion", "Description", "Product",
            "Company", "OriginalFileName", "CommandLine", "CurrentDirectory", "User", "LogonGuid:G", "LogonId:X64",
            "TerminalSessionId:U", "IntegrityLevel", "Hashes", "ParentProcessGuid:G", "ParentProcessId:U",
            "ParentImage", "ParentCommandLine", "ParentUser");
    public static final EventSchema SYSMON_NETWORK = sysmon(3, 5, "Network connection",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "User", "Protocol", "Initiated:B",
            "SourceIsIpv6:B", "SourceIp", "SourceHostname", "SourcePort:U16", "SourcePortName", "DestinationIsIpv6:B",
            "DestinationIp", "DestinationHostname", "DestinationPort:U16", "DestinationPortName");
    public static final EventSchema SYSMON_PROCESS_TERMINATE = sysmon(5, 3, "Process terminated",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "User");
    public static final EventSchema SYSMON_IMAGE_LOAD = sysmon(7, 3, "Image loaded",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "ImageLoaded", "FileVersion",
            "Description", "Product", "Company", "OriginalFileName", "Hashes", "Signed", "Signature",
            "SignatureStatus", "User");
    public static final EventSchema SYSMON_PROCESS_ACCESS = sysmon(10, 3, "Process accessed",
            "RuleName", "UtcTime", "SourceProcessGUID:G", "SourceProcessId:U", "SourceThreadId:U", "SourceImage",
            "TargetProcessGUID:G", "TargetProcessId:U", "TargetImage", "GrantedAccess:X32", "CallTrace",
            "SourceUser", "TargetUser");
    public static final EventSchema SYSMON_FILE_CREATE = sysmon(11, 2, "FileCreate",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "TargetFilename", "CreationUtcTime",
            "User");
    public static final EventSchema SYSMON_REGISTRY_KEY = sysmon(12, 2, "Registry object added or deleted",
            "RuleName", "EventType", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "TargetObject", "User");
    public static final EventSchema SYSMON_REGISTRY_VALUE = sysmon(13, 2, "Registry value set",
            "RuleName", "EventType", "UtcTime", "ProcessGuid:G", "ProcessId:U", "Image", "TargetObject", "Details",
            "User");
    public static final EventSchema SYSMON_WMI_FILTER = sysmon(19, 3, "WmiEventFilter activity detected",
            "RuleName", "EventType", "UtcTime", "Operation", "User", "EventNamespace", "Name", "Query");
    public static final EventSchema SYSMON_WMI_CONSUMER = sysmon(20, 3, "WmiEventConsumer activity detected",
            "RuleName", "EventType", "UtcTime", "Operation", "User", "Name", "Type", "Destination");
    public static final EventSchema SYSMON_WMI_BINDING = sysmon(21, 3, "WmiEventConsumerToFilter activity detected",
            "RuleName", "EventType", "UtcTime", "Operation", "User", "Consumer", "Filter");
    public static final EventSchema SYSMON_DNS = sysmon(22, 5, "DNSEvent (DNS query)",
            "RuleName", "UtcTime", "ProcessGuid:G", "ProcessId:U", "QueryName", "QueryStatus", "QueryResults",
            "Image", "User");

    public static final EventSchema SECURITY_LOGON = security(4624, 2, 12544, "Successful logon",
            "SubjectUserSid:S", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:X64", "TargetUserSid:S",
            "TargetUserName", "TargetDomainName", "TargetLogonId:X64", "LogonType:U", "LogonProcessName",
            "AuthenticationPackageName", "WorkstationName", "LogonGuid:G", "TransmittedServices", "LmPackageName",
            "KeyLength:U", "ProcessId:P", "ProcessName", "IpAddress", "IpPort", "ImpersonationLevel",
            "RestrictedAdminMode", "TargetOutboundUserName", "TargetOutboundDomainName", "VirtualAccount",
            "TargetLinkedLogonId:X64", "ElevatedToken");
    public static final EventSchema SECURITY_PROCESS_CREATE = security(4688, 2, 13312,
            "A new process has been created",
            "SubjectUserSid:S", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:X64", "NewProcessId:P",
            "NewProcessName", "TokenElevationType", "ProcessId:P", "CommandLine", "TargetUserSid:S",
            "TargetUserName", "TargetDomainName", "TargetLogonId:X64", "ParentProcessName", "MandatoryLabel:S");
    public static final EventSchema SECURITY_PROCESS_EXIT = security(4689, 0, 13313, "A process has exited",
            "SubjectUserSid:S", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:X64", "Status:X32",
            "ProcessId:P", "ProcessName");
    public static final EventSchema SECURITY_TASK_CREATED = security(4698, 0, 12804, "A scheduled task was created",
            "SubjectUserSid:S", "SubjectUserName", "SubjectDomainName", "SubjectLogonId:X64", "TaskName",
            "TaskContent");

    public static final EventSchema SERVICE_INSTALLED = new EventSchema(LogChannel.SYSTEM,
            Provider.SERVICE_CONTROL_MANAGER, 7045, 0, 4, 0, 0, 0x8080000000000000L, 16384, null, null,
            fields("ServiceName", "ImagePath", "ServiceType", "StartType", "AccountName"),
            "A service was installed in the system");
    public static final EventSchema POWERSHELL_SCRIPT_BLOCK = new EventSchema(LogChannel.POWERSHELL,
            Provider.POWERSHELL, 4104, 1, 5, 2, 15, 0L, -1, null, null,
            fields("MessageNumber:I32", "MessageTotal:I32", "ScriptBlockText", "ScriptBlockId", "Path"),
            "PowerShell script block");
    public static final EventSchema WMI_CONSUMER_BINDING = new EventSchema(LogChannel.WMI_ACTIVITY,
            Provider.WMI_ACTIVITY, 5861, 0, 0, 0, 0, 0x4000000000000000L, -1, "Operation_ESStoConsumerBinding",
            "http://manifests.microsoft.com/win/2006/windows/WMI",
            fields("Namespace", "ESS", "CONSUMER", "PossibleCause"), "Permanent WMI event consumer bound");

    private Schemas() {
    }

    /** Every schema, for tests and documentation. */
    public static List<EventSchema> all() {
        return List.of(SYSMON_PROCESS_CREATE, SYSMON_NETWORK, SYSMON_PROCESS_TERMINATE, SYSMON_IMAGE_LOAD,
                SYSMON_PROCESS_ACCESS, SYSMON_FILE_CREATE, SYSMON_REGISTRY_KEY, SYSMON_REGISTRY_VALUE,
                SYSMON_WMI_FILTER, SYSMON_WMI_CONSUMER, SYSMON_WMI_BINDING, SYSMON_DNS, SECURITY_LOGON,
                SECURITY_PROCESS_CREATE, SECURITY_PROCESS_EXIT, SECURITY_TASK_CREATED, SERVICE_INSTALLED,
                POWERSHELL_SCRIPT_BLOCK, WMI_CONSUMER_BINDING);
    }

    private static EventSchema sysmon(int id, int version, String description, String... fields) {
        return new EventSchema(LogChannel.SYSMON, Provider.SYSMON, id, version, 4, id, 0, SYSMON_KEYWORDS, -1,
                null, null, fields(fields), description);
    }

    private static EventSchema security(int id, int version, int task, String description, String... fields) {
        return new EventSchema(LogChannel.SECURITY, Provider.SECURITY_AUDITING, id, version, 0, task, 0,
                AUDIT_SUCCESS, -1, null, null, fields(fields), description);
    }

    /** {@code Name} is a string; {@code Name:T} gives the type (G guid, U uint32, U16, I32, B bool, S sid, P size_t,
     *  X32/X64 hex). */
    private static List<Field> fields(String... specs) {
        List<Field> fields = new ArrayList<>(specs.length);
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            FieldType type = colon < 0 ? STRING : switch (spec.substring(colon + 1)) {
                case "G" -> GUID;
                case "U" -> UINT32;
                case "U16" -> UINT16;
                case "I32" -> INT32;
                case "B" -> BOOL;
                case "S" -> SID;
                case "P" -> POINTER;
                case "X32" -> HEX32;
                case "X64" -> HEX64;
                default -> throw new IllegalArgumentException(spec);
            };
            fields.add(new Field(name, type));
        }
        return fields;
    }
}
