package org.sigmascope.proctree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * A long, time-ordered stream of events over many hosts for the benchmark, made in batches so it never sits in
 * memory: process starts seen by Sysmon and by the Security log (about 5% of the events), stops in both (5%),
 * Sysmon activity by GUID in bursts and Security network events by process id (62%), and events about no process
 * (28%). Process ids are drawn from a small space per host, so they are reused all the time.
 */
final class SyntheticStream {
    private static final String[] IMAGES = {"C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\conhost.exe",
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "C:\\Windows\\System32\\svchost.exe",
        "C:\\Windows\\System32\\rundll32.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Windows\\System32\\whoami.exe", "C:\\Windows\\System32\\net.exe", "C:\\Windows\\explorer.exe",
        "C:\\Windows\\System32\\taskhostw.exe", "C:\\Windows\\System32\\dllhost.exe"};
    private static final int[] SYSMON_ACTIVITY = {3, 7, 7, 7, 11, 12, 13, 13, 22, 10};
    private static final int PID_SPACE = 8192;

    private final SplittableRandom random;
    private final Host[] hosts;
    private long now = Instant.parse("2024-05-06T00:00:00Z").getEpochSecond() * 10_000_000L;
    private long nextId = 1;
    private long processes;

    /** One computer: its live processes and the ids in use. */
    private static final class Host {
        final String name;
        final int[] alivePid = new int[PID_SPACE];
        final long[] aliveGuid = new long[PID_SPACE];
        final int[] aliveImage = new int[PID_SPACE];
        final long[] aliveLogon = new long[PID_SPACE];
        final String[] aliveCommand = new String[PID_SPACE];
        final boolean[] used = new boolean[PID_SPACE];
        int alive;
        long record;

        Host(String name) {
            this.name = name;
        }
    }

    SyntheticStream(long seed, int hostCount) {
        random = new SplittableRandom(seed);
        hosts = new Host[hostCount];
        for (int h = 0; h < hostCount; h++) {
            hosts[h] = new Host(String.format("HOST%04d.corp.example", h));
        }
    }

    long processesStarted() {
        return processes;
    }

    /** The next events, at least {@code count} of them (a start or stop adds its two views together). */
    List<Event> next(int count) {
        List<Event> batch = new ArrayList<>(count + 4);
        while (batch.size() < count) {
            now += 1 + random.nextInt(20_000); // up to 2 ms between events
            Host host = hosts[random.nextInt(hosts.length)];
            double action = random.nextDouble();
            if (host.alive < 16 || action < 0.05) {
                start(host, batch);
            } else if (action < 0.10) {
                stop(host, batch);
            } else if (action < 0.42) {
                // Sysmon logs a process's activity in bursts (the images a new process loads, a run of registry
                // writes): one to seven events of one process in a row.
                int slot = random.nextInt(host.alive);
                for (int burst = 1 + random.nextInt(7); burst > 0; burst--) {
                    activity(host, slot, batch);
                    now += 1 + random.nextInt(2_000);
                }
            } else {
                other(host, batch);
            }
        }
        return batch;
    }

    private void start(Host host, List<Event> batch) {
        if (host.alive == PID_SPACE - 1) {
            stop(host, batch);
            return;
        }
        int parent = host.alive == 0 ? -1 : random.nextInt(host.alive);
        int pid;
        do {
            pid = 1 + random.nextInt(PID_SPACE - 1);
        } while (host.used[pid]);
        host.used[pid] = true;
        int image = random.nextInt(IMAGES.length);
        long guid = ++processes;
        long logon = parent < 0 || random.nextInt(10) == 0 ? 0x3e7 + random.nextInt(4) : host.aliveLogon[parent];
        String commandLine = IMAGES[image] + " /task " + Long.toHexString(guid * 0x9E3779B97F4AL & 0xFFFFFFFFFFL);
        int ppid = parent < 0 ? 4 : host.alivePid[parent] * 4;
        String parentImage = parent < 0 ? "System" : IMAGES[host.aliveImage[parent]];
        Fields.Builder s = sysmon(host, 1, 19);
        s.put("UtcTime", "2024-05-06 00:00:00.000");
        s.put("ProcessGuid", guid(guid));
        s.put("ProcessId", (long) pid * 4);
        s.put("Image", IMAGES[image]);
        s.put("CommandLine", commandLine);
        s.put("User", "CORP\\user");
        s.put("LogonId", "0x" + Long.toHexString(logon));
        s.put("ParentProcessGuid", parent < 0 ? "{00000000-0000-0000-0000-000000000000}" : guid(host.aliveGuid[parent]));
        s.put("ParentProcessId", (long) ppid);
        s.put("ParentImage", parentImage);
        s.put("ParentCommandLine", parent < 0 ? parentImage : host.aliveCommand[parent]);
        batch.add(event(host, 1, SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, now + 5_000, s));
        Fields.Builder w = security(host, 4688, 14);
        w.put("SubjectLogonId", "0x" + Long.toHexString(parent < 0 ? 0x3e7 : host.aliveLogon[parent]));
        w.put("NewProcessId", "0x" + Integer.toHexString(pid * 4));
        w.put("NewProcessName", IMAGES[image]);
        w.put("ProcessId", "0x" + Integer.toHexString(ppid));
        w.put("CommandLine", commandLine);
        long creator = parent < 0 ? 0x3e7 : host.aliveLogon[parent];
        w.put("TargetLogonId", logon == creator ? "0x0" : "0x" + Long.toHexString(logon));
        w.put("ParentProcessName", parentImage);
        batch.add(event(host, 4688, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, now, w));
        int slot = host.alive++;
        host.alivePid[slot] = pid;
        host.aliveGuid[slot] = guid;
        host.aliveImage[slot] = image;
        host.aliveLogon[slot] = logon;
        host.aliveCommand[slot] = commandLine;
    }

    private void stop(Host host, List<Event> batch) {
        int slot = random.nextInt(host.alive);
        int pid = host.alivePid[slot];
        Fields.Builder s = sysmon(host, 5, 5);
        s.put("ProcessGuid", guid(host.aliveGuid[slot]));
        s.put("ProcessId", (long) pid * 4);
        s.put("Image", IMAGES[host.aliveImage[slot]]);
        batch.add(event(host, 5, SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, now + 3_000, s));
        Fields.Builder w = security(host, 4689, 6);
        w.put("SubjectLogonId", "0x" + Long.toHexString(host.aliveLogon[slot]));
        w.put("ProcessId", "0x" + Integer.toHexString(pid * 4));
        w.put("ProcessName", IMAGES[host.aliveImage[slot]]);
        batch.add(event(host, 4689, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, now, w));
        host.used[pid] = false;
        int last = --host.alive;
        host.alivePid[slot] = host.alivePid[last];
        host.aliveGuid[slot] = host.aliveGuid[last];
        host.aliveImage[slot] = host.aliveImage[last];
        host.aliveLogon[slot] = host.aliveLogon[last];
        host.aliveCommand[slot] = host.aliveCommand[last];
        host.aliveCommand[last] = null;
    }

    private void activity(Host host, int slot, List<Event> batch) {
        if (random.nextInt(10) == 0) {
            Fields.Builder w = security(host, 5156, 8);
            w.put("ProcessID", (long) host.alivePid[slot] * 4);
            w.put("Application", "\\device\\harddiskvolume2" + IMAGES[host.aliveImage[slot]].substring(2));
            w.put("DestAddress", "10.0.0." + random.nextInt(256));
            batch.add(event(host, 5156, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, now, w));
            return;
        }
        int id = SYSMON_ACTIVITY[random.nextInt(SYSMON_ACTIVITY.length)];
        Fields.Builder s = sysmon(host, id, 8);
        s.put(id == 10 ? "SourceProcessGUID" : "ProcessGuid", guid(host.aliveGuid[slot]));
        s.put(id == 10 ? "SourceProcessId" : "ProcessId", (long) host.alivePid[slot] * 4);
        s.put(id == 10 ? "SourceImage" : "Image", IMAGES[host.aliveImage[slot]]);
        s.put("TargetObject", "HKLM\\SOFTWARE\\Example\\" + random.nextInt(1000));
        batch.add(event(host, id, SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, now, s));
    }

    private void other(Host host, List<Event> batch) {
        Fields.Builder w = security(host, 4624, 10);
        w.put("TargetUserName", "user");
        w.put("LogonType", 3L);
        w.put("IpAddress", "10.0.0." + random.nextInt(256));
        batch.add(event(host, 4624, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, now, w));
    }

    /** The fields every event has, as readers give them, before its own. */
    private static Fields.Builder header(Host host, int eventId, String channel, String provider, int size) {
        Fields.Builder fields = Fields.builder(size + 5);
        fields.put("Provider_Name", provider);
        fields.put("EventID", (long) eventId);
        fields.put("EventRecordID", host.record + 1);
        fields.put("Channel", channel);
        fields.put("Computer", host.name);
        return fields;
    }

    private static Fields.Builder sysmon(Host host, int eventId, int size) {
        return header(host, eventId, SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, size);
    }

    private static Fields.Builder security(Host host, int eventId, int size) {
        return header(host, eventId, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, size);
    }

    private Event event(Host host, int eventId, String channel, String provider, long ticks, Fields.Builder fields) {
        long record = ++host.record;
        return new Event(nextId++, 1, record, Ticks.toInstant(ticks), host.name, channel, provider, eventId, 4,
                fields.build(), record, false);
    }

    private static String guid(long n) {
        return String.format("{6B8A1C2D-%04X-%04X-%04X-%012X}", n >>> 48 & 0xFFFF, n >>> 32 & 0xFFFF,
                n >>> 16 & 0xFFFF, n & 0xFFFF_FFFF_FFFFL);
    }
}
