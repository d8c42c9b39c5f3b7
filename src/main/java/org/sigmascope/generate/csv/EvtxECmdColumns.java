package org.sigmascope.generate.csv;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;

/**
 * The summary columns EvtxECmd's maps fill per event kind: {@code UserName}, {@code RemoteHost},
 * {@code PayloadData1–6} and {@code ExecutableInfo}, in the wording of its Sysmon and Security maps
 * ({@code ProcessID: n, ProcessGUID: …}, {@code Target: DOMAIN\name}, {@code LogonType 3} …).
 */
final class EvtxECmdColumns {
    static final int USER_NAME = 0;
    static final int REMOTE_HOST = 1;
    static final int PAYLOAD = 2;
    static final int EXECUTABLE = 8;

    private EvtxECmdColumns() {
    }

    /** UserName, RemoteHost, PayloadData1..6, ExecutableInfo. */
    static String[] of(SimEvent e) {
        String[] c = new String[9];
        java.util.Arrays.fill(c, "");
        EventSchema s = e.schema();
        if (s.provider().name().equals("Microsoft-Windows-Sysmon")) {
            sysmon(e, c);
        } else if (s.channel().channelName().equals("Security")) {
            security(e, c);
        } else {
            switch (s.eventId()) {
                case 7045 -> {
                    c[PAYLOAD] = "Name: " + v(e, "ServiceName");
                    c[PAYLOAD + 1] = "StartType: " + v(e, "StartType");
                    c[PAYLOAD + 2] = "Account: " + v(e, "AccountName");
                    c[EXECUTABLE] = v(e, "ImagePath");
                }
                case 4104 -> {
                    c[PAYLOAD] = "ScriptBlockId: " + v(e, "ScriptBlockId");
                    c[EXECUTABLE] = v(e, "ScriptBlockText");
                }
                default -> {
                    c[PAYLOAD] = "Namespace: " + v(e, "Namespace");
                    c[PAYLOAD + 1] = "ESS: " + v(e, "ESS");
                    c[PAYLOAD + 2] = "Consumer: " + v(e, "CONSUMER");
                }
            }
        }
        return c;
    }

    private static void sysmon(SimEvent e, String[] c) {
        EventSchema s = e.schema();
        switch (s.eventId()) {
            case 1 -> {
                c[USER_NAME] = v(e, "User");
                c[PAYLOAD] = process(e, "ProcessId", "ProcessGuid");
                c[PAYLOAD + 1] = "RuleName: " + v(e, "RuleName");
                c[PAYLOAD + 2] = v(e, "Hashes");
                c[PAYLOAD + 3] = "ParentProcess: " + v(e, "ParentImage");
                c[PAYLOAD + 4] = "ParentProcessID: " + v(e, "ParentProcessId") + ", ParentProcessGUID: "
                        + v(e, "ParentProcessGuid");
                c[PAYLOAD + 5] = "ParentCommandLine: " + v(e, "ParentCommandLine");
                c[EXECUTABLE] = v(e, "CommandLine");
            }
            case 3 -> {
                c[USER_NAME] = v(e, "User");
                c[REMOTE_HOST] = v(e, "DestinationHostname") + " (" + v(e, "DestinationIp") + ")";
                c[PAYLOAD] = process(e, "ProcessId", "ProcessGuid");
                c[PAYLOAD + 1] = "Protocol: " + v(e, "Protocol");
                c[PAYLOAD + 2] = "SourceHostname: " + v(e, "SourceHostname");
                c[PAYLOAD + 3] = "SourceIp: " + v(e, "SourceIp") + ", SourcePort: " + v(e, "SourcePort");
                c[PAYLOAD + 4] = "DestinationIp: " + v(e, "DestinationIp") + ", DestinationPort: "
                        + v(e, "DestinationPort");
                c[EXECUTABLE] = v(e, "Image");
            }
            case 10 -> {
                c[USER_NAME] = v(e, "SourceUser");
                c[PAYLOAD] = "SourceProcessID: " + v(e, "SourceProcessId") + ", SourceProcessGUID: "
                        + v(e, "SourceProcessGUID");
                c[PAYLOAD + 1] = "TargetProcessID: " + v(e, "TargetProcessId") + ", TargetProcessGUID: "
                        + v(e, "TargetProcessGUID");
                c[PAYLOAD + 2] = "TargetImage: " + v(e, "TargetImage");
                c[PAYLOAD + 3] = "GrantedAccess: " + v(e, "GrantedAccess");
                c[EXECUTABLE] = v(e, "SourceImage");
            }
            case 19, 20, 21 -> {
                c[USER_NAME] = v(e, "User");
                c[PAYLOAD] = "EventType: " + v(e, "EventType");
                c[PAYLOAD + 1] = "Operation: " + v(e, "Operation");
                c[PAYLOAD + 2] = s.eventId() == 21 ? "Consumer: " + v(e, "Consumer") : "Name: " + v(e, "Name");
                c[PAYLOAD + 3] = s.eventId() == 19 ? "Query: " + v(e, "Query")
                        : s.eventId() == 20 ? "Destination: " + v(e, "Destination") : "Filter: " + v(e, "Filter");
            }
            default -> {
                c[USER_NAME] = v(e, "User");
                c[PAYLOAD] = process(e, "ProcessId", "ProcessGuid");
                String detail = switch (s.eventId()) {
                    case 7 -> "ImageLoaded: " + v(e, "ImageLoaded");
                    case 11 -> "TargetFilename: " + v(e, "TargetFilename");
                    case 12, 13 -> "TargetObject: " + v(e, "TargetObject");
                    case 22 -> "Query: " + v(e, "QueryName");
                    default -> "";
                };
                c[PAYLOAD + 1] = detail;
                if (s.eventId() == 13) {
                    c[PAYLOAD + 2] = "Details: " + v(e, "Details");
                }
                c[EXECUTABLE] = v(e, "Image");
            }
        }
    }

    private static void security(SimEvent e, String[] c) {
        c[USER_NAME] = v(e, "SubjectDomainName") + "\\" + v(e, "SubjectUserName");
        switch (e.schema().eventId()) {
            case 4624 -> {
                c[REMOTE_HOST] = v(e, "WorkstationName") + " (" + v(e, "IpAddress") + ")";
                c[PAYLOAD] = "Target: " + v(e, "TargetDomainName") + "\\" + v(e, "TargetUserName");
                c[PAYLOAD + 1] = "LogonType " + v(e, "LogonType");
                c[PAYLOAD + 2] = "LogonId: " + v(e, "TargetLogonId");
                c[EXECUTABLE] = v(e, "ProcessName");
            }
            case 4688 -> {
                c[PAYLOAD] = "Target: " + v(e, "TargetDomainName") + "\\" + v(e, "TargetUserName");
                c[PAYLOAD + 1] = "PID: " + v(e, "NewProcessId");
                c[PAYLOAD + 2] = "Parent PID: " + v(e, "ProcessId");
                c[PAYLOAD + 3] = "LogonId: " + v(e, "SubjectLogonId");
                c[PAYLOAD + 4] = "ParentProcess: " + v(e, "ParentProcessName");
                String commandLine = v(e, "CommandLine");
                c[EXECUTABLE] = commandLine.isEmpty() ? v(e, "NewProcessName") : commandLine;
            }
            case 4689 -> {
                c[PAYLOAD] = "PID: " + v(e, "ProcessId");
                c[PAYLOAD + 1] = "LogonId: " + v(e, "SubjectLogonId");
                c[EXECUTABLE] = v(e, "ProcessName");
            }
            default -> {
                c[PAYLOAD] = "TaskName: " + v(e, "TaskName");
                c[PAYLOAD + 1] = "LogonId: " + v(e, "SubjectLogonId");
            }
        }
    }

    private static String process(SimEvent e, String pid, String guid) {
        return "ProcessID: " + v(e, pid) + ", ProcessGUID: " + v(e, guid);
    }

    private static String v(SimEvent e, String field) {
        int index = e.schema().indexOf(field);
        FieldType type = e.schema().fields().get(index).type();
        return ValueText.evtxecmd(type, e.values()[index]);
    }
}
