package org.sigmascope.proctree;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/** Hand-made events for unit tests, numbered in the order they are made; times are seconds after a base time. */
final class TestEvents {
    static final String HOST = "WS01.corp.example";
    static final Instant BASE = Instant.parse("2024-03-11T08:00:00Z");
    private long nextId = 1;

    static Instant at(double seconds) {
        return BASE.plusNanos((long) (seconds * 1e9));
    }

    Event sysmonStart(double t, long pid, String guid, String image, String commandLine, long parentPid,
                      String parentGuid, String parentImage) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ProcessGuid", guid);
        d.put("ProcessId", pid);
        d.put("Image", image);
        d.put("CommandLine", commandLine);
        d.put("User", "CORP\\alice");
        d.put("LogonId", "0x5d2a1");
        d.put("ParentProcessGuid", parentGuid);
        d.put("ParentProcessId", parentPid);
        d.put("ParentImage", parentImage);
        return event(SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, 1, t, d);
    }

    Event sysmonStop(double t, long pid, String guid, String image) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ProcessGuid", guid);
        d.put("ProcessId", pid);
        d.put("Image", image);
        return event(SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, 5, t, d);
    }

    Event sysmonActivity(int eventId, double t, long pid, String guid, String image) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(eventId == 10 ? "SourceProcessGUID" : "ProcessGuid", guid);
        d.put(eventId == 10 ? "SourceProcessId" : "ProcessId", pid);
        d.put(eventId == 10 ? "SourceImage" : "Image", image);
        return event(SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, eventId, t, d);
    }

    /** A 4688: ids in hex as the Security log writes them; {@code targetLogon} 0 when the same as the creator's. */
    Event securityStart(double t, long pid, String image, String commandLine, long parentPid, String parentImage,
                        long subjectLogon, long targetLogon) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("SubjectUserName", "alice");
        d.put("SubjectDomainName", "CORP");
        d.put("SubjectLogonId", "0x" + Long.toHexString(subjectLogon));
        d.put("NewProcessId", "0x" + Long.toHexString(pid));
        d.put("NewProcessName", image);
        d.put("ProcessId", "0x" + Long.toHexString(parentPid));
        d.put("CommandLine", commandLine);
        d.put("TargetLogonId", "0x" + Long.toHexString(targetLogon));
        if (parentImage != null) {
            d.put("ParentProcessName", parentImage);
        }
        return event(SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, 4688, t, d);
    }

    Event securityStop(double t, long pid, String image, long logon) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("SubjectLogonId", "0x" + Long.toHexString(logon));
        d.put("ProcessId", "0x" + Long.toHexString(pid));
        d.put("ProcessName", image);
        return event(SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, 4689, t, d);
    }

    Event securityNetwork(double t, long pid, String application) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ProcessID", pid);
        d.put("Application", application);
        return event(SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, 5156, t, d);
    }

    Event event(String channel, String provider, int eventId, double t, Map<String, Object> data) {
        Fields.Builder fields = Fields.builder();
        fields.put("Provider_Name", provider);
        fields.put("EventID", (long) eventId);
        fields.put("TimeCreated_SystemTime", Timestamps.format(at(t)));
        fields.put("Channel", channel);
        fields.put("Computer", HOST);
        long id = nextId++;
        fields.put("EventRecordID", id);
        data.forEach(fields::put);
        return EventFactory.fromFields(1, fields.build(), null, id, false).withId(id);
    }

    static ProcessTree build(Event... events) {
        ProcessTreeBuilder builder = new ProcessTreeBuilder();
        for (Event event : events) {
            builder.accept(event);
        }
        return builder.build();
    }
}
