package org.sigmascope.proctree;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * Reads what an event says about processes, by its log and event id, from fields in Sigma's naming (the names
 * EVTX gives; the CSV and JSON readers normalize to them):
 * <ul>
 * <li>Sysmon 1 (start: {@code ProcessGuid}, {@code ProcessId}, {@code Image} …, and the parent's
 *     {@code ParentProcessGuid}, {@code ParentProcessId}, {@code ParentImage}, {@code ParentCommandLine},
 *     {@code ParentUser}), 5 (stop), and its other events that name their process (activity);</li>
 * <li>Security 4688 (start: {@code NewProcessId} in hex; {@code ProcessId} is the parent's; the creator's
 *     {@code SubjectLogonId}, the new process's {@code TargetLogonId} when it differs), 4689 (stop), object access
 *     and filtering platform events (activity);</li>
 * <li>PowerShell/Operational 4103–4106 (activity of the host process named by {@code Execution_ProcessID}).</li>
 * </ul>
 */
public final class SightingReader {
    static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
    static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
    static final String SECURITY_CHANNEL = "Security";
    static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
    static final String POWERSHELL_CHANNEL = "Microsoft-Windows-PowerShell/Operational";
    static final String POWERSHELL_PROVIDER = "Microsoft-Windows-PowerShell";

    /** Sysmon activity events by id; {@code null} where the event names no process of its own. */
    private static final ActivityKind[] SYSMON_ACTIVITY = new ActivityKind[30];

    static {
        for (int id : new int[] {2, 9, 11, 15, 23, 26, 27, 28, 29}) {
            SYSMON_ACTIVITY[id] = ActivityKind.FILE;
        }
        SYSMON_ACTIVITY[3] = ActivityKind.NETWORK;
        SYSMON_ACTIVITY[7] = ActivityKind.IMAGE_LOAD;
        SYSMON_ACTIVITY[8] = ActivityKind.PROCESS_ACCESS;
        SYSMON_ACTIVITY[10] = ActivityKind.PROCESS_ACCESS;
        SYSMON_ACTIVITY[12] = ActivityKind.REGISTRY;
        SYSMON_ACTIVITY[13] = ActivityKind.REGISTRY;
        SYSMON_ACTIVITY[14] = ActivityKind.REGISTRY;
        SYSMON_ACTIVITY[17] = ActivityKind.PIPE;
        SYSMON_ACTIVITY[18] = ActivityKind.PIPE;
        SYSMON_ACTIVITY[22] = ActivityKind.DNS;
        SYSMON_ACTIVITY[24] = ActivityKind.OTHER;
        SYSMON_ACTIVITY[25] = ActivityKind.OTHER;
    }

    /**
     * The events that say something about processes, by log: what a case store selects to feed a
     * {@link ProcessTreeBuilder} (an event matches when its channel or its provider is the one given).
     */
    public record Selector(Witness witness, String channel, String provider, Set<Integer> eventIds) {
        public Selector {
            eventIds = Set.copyOf(eventIds);
        }
    }

    public static final List<Selector> SELECTORS = List.of(
            new Selector(Witness.SYSMON, SYSMON_CHANNEL, SYSMON_PROVIDER,
                    Set.of(1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 22, 23, 24, 25, 26, 27, 28, 29)),
            new Selector(Witness.SECURITY, SECURITY_CHANNEL, SECURITY_PROVIDER,
                    Set.of(4688, 4689, 4656, 4658, 4660, 4663, 4648, 5156, 5157, 5158)),
            new Selector(Witness.POWERSHELL, POWERSHELL_CHANNEL, POWERSHELL_PROVIDER, Set.of(4103, 4104, 4105, 4106)));

    private SightingReader() {
    }

    /**
     * What the event says about processes, or {@code null} when it says nothing. Values that should be process ids
     * but are not are reported to {@code problems} (and treated as absent).
     */
    public static Sighting read(Event event, Consumer<String> problems) {
        int id = event.eventId();
        if (id >= 0 && id < SYSMON_ACTIVITY.length) {
            return is(event, SYSMON_CHANNEL, SYSMON_PROVIDER) ? sysmon(event, problems) : null;
        }
        return switch (id) {
            case 4688, 4689, 4656, 4658, 4660, 4663, 4648, 5156, 5157, 5158 ->
                    is(event, SECURITY_CHANNEL, SECURITY_PROVIDER) ? security(event, problems) : null;
            case 4103, 4104, 4105, 4106 -> is(event, POWERSHELL_CHANNEL, POWERSHELL_PROVIDER)
                    ? activity(event, Witness.POWERSHELL, ActivityKind.SCRIPT,
                    new ProcessClaims(pid(event, "Execution_ProcessID", problems), null, null, null, null,
                            ProcessClaims.NO_LOGON))
                    : null;
            default -> null;
        };
    }

    private static boolean is(Event event, String channel, String provider) {
        // Exact first: it is how logs spell them, and it is much cheaper than ignoring case.
        return event.channel().equals(channel) || event.provider().equals(provider)
                || event.channel().equalsIgnoreCase(channel) || event.provider().equalsIgnoreCase(provider);
    }

    private static Sighting sysmon(Event event, Consumer<String> problems) {
        Fields f = event.fields();
        switch (event.eventId()) {
            case 1 -> {
                ProcessClaims self = new ProcessClaims(pid(event, "ProcessId", problems),
                        Guid.parseOrNull(FieldValues.text(f, "ProcessGuid")), FieldValues.text(f, "Image"),
                        FieldValues.text(f, "CommandLine"), FieldValues.text(f, "User"),
                        FieldValues.logon(f, "LogonId"));
                ProcessClaims parent = new ProcessClaims(pid(event, "ParentProcessId", problems),
                        Guid.parseOrNull(FieldValues.text(f, "ParentProcessGuid")), FieldValues.text(f, "ParentImage"),
                        FieldValues.text(f, "ParentCommandLine"), FieldValues.text(f, "ParentUser"),
                        ProcessClaims.NO_LOGON);
                return sighting(event, Sighting.Role.START, Witness.SYSMON, null, self, parent);
            }
            case 5 -> {
                return sighting(event, Sighting.Role.STOP, Witness.SYSMON, null,
                        sysmonSelf(event, SelfFields.PLAIN, problems), ProcessClaims.NONE);
            }
            case 8, 10 -> {
                return activity(event, Witness.SYSMON, SYSMON_ACTIVITY[event.eventId()],
                        sysmonSelf(event, SelfFields.SOURCE, problems));
            }
            default -> {
                ActivityKind kind = SYSMON_ACTIVITY[event.eventId()];
                return kind == null ? null
                        : activity(event, Witness.SYSMON, kind, sysmonSelf(event, SelfFields.PLAIN, problems));
            }
        }
    }

    /** The names of a Sysmon event's own process fields: plain, or with the {@code Source} prefix of 8 and 10. */
    private record SelfFields(String guid, String guidUpper, String pid, String image, String user) {
        static final SelfFields PLAIN = new SelfFields("ProcessGuid", "ProcessGUID", "ProcessId", "Image", "User");
        static final SelfFields SOURCE = new SelfFields("SourceProcessGuid", "SourceProcessGUID", "SourceProcessId",
                "SourceImage", "SourceUser");
    }

    private static ProcessClaims sysmonSelf(Event event, SelfFields names, Consumer<String> problems) {
        Fields f = event.fields();
        String guid = FieldValues.text(f, names.guid());
        if (guid == null) {
            guid = FieldValues.text(f, names.guidUpper()); // Sysmon 10 spells it so
        }
        return new ProcessClaims(pid(event, names.pid(), problems), Guid.parseOrNull(guid),
                FieldValues.text(f, names.image()), null, FieldValues.text(f, names.user()), ProcessClaims.NO_LOGON);
    }

    private static Sighting security(Event event, Consumer<String> problems) {
        Fields f = event.fields();
        String subject = FieldValues.account(f, "SubjectDomainName", "SubjectUserName");
        long subjectLogon = FieldValues.logon(f, "SubjectLogonId");
        switch (event.eventId()) {
            case 4688 -> {
                String target = FieldValues.account(f, "TargetDomainName", "TargetUserName");
                long targetLogon = FieldValues.logon(f, "TargetLogonId");
                ProcessClaims self = new ProcessClaims(pid(event, "NewProcessId", problems), null,
                        FieldValues.text(f, "NewProcessName"), FieldValues.text(f, "CommandLine"),
                        target != null ? target : subject, targetLogon != ProcessClaims.NO_LOGON ? targetLogon
                        : subjectLogon);
                ProcessClaims parent = new ProcessClaims(pid(event, "ProcessId", problems), null,
                        FieldValues.text(f, "ParentProcessName"), null, subject, subjectLogon);
                return sighting(event, Sighting.Role.START, Witness.SECURITY, null, self, parent);
            }
            case 4689 -> {
                return sighting(event, Sighting.Role.STOP, Witness.SECURITY, null,
                        new ProcessClaims(pid(event, "ProcessId", problems), null, FieldValues.text(f, "ProcessName"),
                                null, subject, subjectLogon), ProcessClaims.NONE);
            }
            case 5156, 5157, 5158 -> {
                return activity(event, Witness.SECURITY, ActivityKind.NETWORK,
                        new ProcessClaims(pid(event, f.contains("ProcessID") ? "ProcessID" : "ProcessId", problems),
                                null, FieldValues.text(f, "Application"), null, null, ProcessClaims.NO_LOGON));
            }
            default -> {
                return activity(event, Witness.SECURITY, ActivityKind.OBJECT_ACCESS,
                        new ProcessClaims(pid(event, "ProcessId", problems), null, FieldValues.text(f, "ProcessName"),
                                null, null, ProcessClaims.NO_LOGON));
            }
        }
    }

    private static Sighting activity(Event event, Witness witness, ActivityKind kind, ProcessClaims self) {
        return self.identifies() ? sighting(event, Sighting.Role.ACTIVITY, witness, kind, self, ProcessClaims.NONE)
                : null;
    }

    private static Sighting sighting(Event event, Sighting.Role role, Witness witness, ActivityKind kind,
                                     ProcessClaims self, ProcessClaims parent) {
        return new Sighting(role, witness, kind, event.id(), event.computer(), Ticks.of(event.timestamp()), self,
                parent);
    }

    private static long pid(Event event, String field, Consumer<String> problems) {
        long pid = FieldValues.pid(event.fields(), field);
        if (pid == FieldValues.INVALID) {
            problems.accept("event " + event.id() + " (" + event.computer() + ", record " + event.recordId() + "): "
                    + field + " '" + event.fields().text(field) + "' is not a process id");
            return ProcessClaims.NO_PID;
        }
        return pid;
    }
}
