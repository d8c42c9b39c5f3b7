package org.sigmascope.generate.host;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.sigmascope.generate.event.EventSchema;
import org.sigmascope.generate.event.Injection;
import org.sigmascope.generate.event.Schemas;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.WinGuid;

/**
 * One simulated Windows host: a clock, a queue of things that will happen, the live processes, and the events
 * they cause, handed to the sink in time order.
 *
 * <p>Actions run at their time and emit events at or shortly after it; an event is released once no action can
 * come before it any more, so the output is sorted without holding more than a few seconds of events. Background
 * events stop at the host's quota; scenario events (marked with an {@link Injection}) are always written.
 */
public final class HostSim {
    final HostIdentity host;
    final SplittableRandom random;
    private final HostSink sink;
    private final PidAllocator pids;
    private final PriorityQueue<Action> actions = new PriorityQueue<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    final List<SimProcess> live = new ArrayList<>();
    private WinGuid logonActivity;
    private long sequence;
    private long processCounter = 0x0A00;
    private long now;
    private Injection injection;
    private long backgroundQuota = Long.MAX_VALUE;
    private long backgroundEmitted;
    private long injectedEmitted;

    /** Well-known processes, set by the boot sequence. */
    SimProcess system;
    SimProcess services;
    SimProcess lsass;
    SimProcess winlogon;
    SimProcess dcomLaunch;
    SimProcess netsvcs;
    SimProcess defender;
    SimProcess sysmon;
    /**
     * Sysmon64.exe's pid, chosen at boot: its boot-start driver sees processes from smss.exe on, and the service
     * writes those events once it runs, under its own pid.
     */
    long sysmonPid;
    SimProcess explorer;
    SimProcess searchIndexer;
    LogonSession userSession;
    /** The user's elevated token (administrators), or the attacker's second logon; {@code null} until needed. */
    LogonSession elevatedSession;
    LogonSession systemSession;

    public HostSim(HostIdentity host, long seed, HostSink sink) {
        this.host = host;
        this.random = new SplittableRandom(seed);
        this.sink = sink;
        this.pids = new PidAllocator(random.split());
    }

    public HostIdentity host() {
        return host;
    }

    public long now() {
        return now;
    }

    public void setBackgroundQuota(long quota) {
        this.backgroundQuota = quota;
    }

    public long backgroundQuota() {
        return backgroundQuota;
    }

    public long backgroundEmitted() {
        return backgroundEmitted;
    }

    public long injectedEmitted() {
        return injectedEmitted;
    }

    public boolean backgroundDone() {
        return backgroundEmitted >= backgroundQuota;
    }

    /** Schedules an action; it carries the injection in force now, so a scenario's follow-ups stay marked. */
    public void at(long time, Runnable action) {
        actions.add(new Action(micros(Math.max(time, now)), sequence++, action, injection));
    }

    /** Schedules an action of a scenario. */
    public void inject(Injection mark, long time, Runnable action) {
        actions.add(new Action(micros(Math.max(time, now)), sequence++, action, mark));
    }

    /** Runs every action in time order until none is left (background ones stop at the quota). */
    public void run() {
        Action action;
        while ((action = actions.poll()) != null) {
            if (action.injection == null && backgroundDone()) {
                continue;
            }
            now = action.time;
            release(now);
            injection = action.injection;
            action.run.run();
            injection = null;
        }
        release(Long.MAX_VALUE);
    }

    private void release(long upTo) {
        while (!pending.isEmpty() && pending.peek().event.filetime() <= upTo) {
            sink.accept(pending.poll().event);
        }
    }

    /** Queues an event of this host; background events past the quota are dropped. */
    void emit(EventSchema schema, long at, long processId, long threadId, String userSid, WinGuid activity,
              Object[] values) {
        if (injection == null) {
            if (backgroundEmitted >= backgroundQuota) {
                return;
            }
            backgroundEmitted++;
        } else {
            injectedEmitted++;
        }
        // Microsecond times: every format (and the evtx crate's JSON) then shows the same instant.
        long time = at - Math.floorMod(at, 10);
        pending.add(new Pending(new SimEvent(schema, host.fqdn(), time, processId, threadId, userSid, activity,
                values, injection), sequence++));
    }

    /** Action times are whole microseconds, so events at or after them never round to before them. */
    private static long micros(long ticks) {
        return ticks + Math.floorMod(-ticks, 10);
    }

    /**
     * A 4624, logged by lsass.exe. Windows 10 puts the Local Security Authority's logon activity in the
     * Correlation element, one GUID per boot.
     */
    void logon(long at, Object[] values) {
        if (logonActivity == null) {
            logonActivity = Effects.randomGuid(this);
        }
        emit(Schemas.SECURITY_LOGON, at, lsass.pid(), lsass.pid() + 40, null, logonActivity, values);
    }

    boolean injecting() {
        return injection != null;
    }

    /** A short, random delay (in ticks) between {@code minMillis} and {@code maxMillis}. */
    long millis(int minMillis, int maxMillis) {
        return Ticks.MILLISECOND * (minMillis + random.nextInt(Math.max(1, maxMillis - minMillis)))
                + random.nextInt(10_000);
    }

    // ---- processes -------------------------------------------------------------------------------------------

    /** Starts a process and logs its start in every view the host has. */
    SimProcess spawn(SimProcess parent, long at, String image, String commandLine, String directory,
                     LogonSession session, String integrity) {
        return spawn(parent, at, pids.allocate(), image, commandLine, directory, session, integrity);
    }

    SimProcess spawn(SimProcess parent, long at, long pid, String image, String commandLine, String directory,
                     LogonSession session, String integrity) {
        SimProcess p = new SimProcess(pid, processGuid(at), image, commandLine, directory, session, integrity,
                session.account().isService() || session == systemSession ? 0 : 1, parent, at,
                ImageInfo.of(image), injecting());
        live.add(p);
        logStart(p);
        return p;
    }

    /** Logs a start: Security 4688 as the kernel sees it, Sysmon 1 a few milliseconds later. */
    void logStart(SimProcess p) {
        AuditProfile audit = host.audit();
        if (audit.processAuditing()) {
            emit(Schemas.SECURITY_PROCESS_CREATE, p.startTicks() + 2_000 + random.nextInt(3_000), 4, 104, null, null,
                    SecurityEvents.processCreate(host, p, audit.commandLine()));
        }
        if (audit.sysmon()) {
            emit(Schemas.SYSMON_PROCESS_CREATE, p.startTicks() + millis(1, 12), sysmonPid, sysmonThread(),
                    Account.SYSTEM.sid(), null, SysmonEvents.processCreate(p));
        }
    }

    /** Takes a pid for a process that starts later (Sysmon64.exe, whose driver logs from boot). */
    long reservePid() {
        return pids.allocate();
    }

    /** Ends a process now-ish: Sysmon 5 and 4689, and frees its pid for reuse. */
    void exit(SimProcess p, long at) {
        if (!live.remove(p)) {
            return;
        }
        pids.free(p.pid());
        AuditProfile audit = host.audit();
        if (audit.processAuditing()) {
            emit(Schemas.SECURITY_PROCESS_EXIT, at + 1_000, 4, 104, null, null, SecurityEvents.processExit(host, p));
        }
        if (audit.sysmon()) {
            emit(Schemas.SYSMON_PROCESS_TERMINATE, at + millis(1, 8), sysmonPid, sysmonThread(),
                    Account.SYSTEM.sid(), null, SysmonEvents.processTerminate(p, at));
        }
    }

    /** Schedules the process's exit after a lifetime. */
    void exitAfter(SimProcess p, long lifetime) {
        at(p.startTicks() + lifetime, () -> exit(p, now));
    }

    /** Sysmon's process GUID: machine id, start time in seconds, a per-boot counter, the boot id. */
    WinGuid processGuid(long at) {
        long seconds = Ticks.unixSeconds(at);
        long counter = processCounter++;
        long data4 = (counter & 0xff) << 56 | ((counter >>> 8) & 0xff) << 48
                | (long) (host.bootId() & 0xff) << 8 | (host.bootId() >>> 8) & 0xff;
        return new WinGuid(host.sysmonId(), (short) (seconds >>> 16), (short) seconds, data4);
    }

    /** Sysmon's logon GUID: machine id, logon time, the logon id. */
    WinGuid logonGuid(long at, long logonId) {
        long seconds = Ticks.unixSeconds(at);
        return new WinGuid(host.sysmonId(), (short) (seconds >>> 16), (short) seconds, Long.reverseBytes(logonId));
    }

    long sysmonThread() {
        return 3120 + 4L * random.nextInt(3);
    }

    /** A random live process that background activity may use: not a scenario's, and matching the filter. */
    SimProcess pick(java.util.function.Predicate<SimProcess> filter) {
        int size = live.size();
        if (size == 0) {
            return null;
        }
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            SimProcess p = live.get((start + i) % size);
            if (!p.injected() && filter.test(p)) {
                return p;
            }
        }
        return null;
    }

    private record Action(long time, long sequence, Runnable run, Injection injection)
            implements Comparable<Action> {
        @Override
        public int compareTo(Action o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private record Pending(SimEvent event, long sequence) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(event.filetime(), o.event.filetime());
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
