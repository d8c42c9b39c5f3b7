package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The linking rules, applied one sighting at a time in time order. Time order is what makes the process id table
 * right: when a child starts, the table holds, for each process id on the host, the latest process started with
 * it so far, which is the only one that can be alive (Windows does not give one id to two live processes).
 *
 * <ul>
 * <li>A start finds its process by GUID, or by being the other log's view of a start already seen (same host,
 *     process id and image, times within the tolerance), or makes a new one.</li>
 * <li>Its parent is the process with the parent GUID (made a placeholder if never seen); else the process holding
 *     the parent id, if it had not stopped before the child started and neither its logon session nor its image
 *     contradicts the child's event; else a placeholder made from what the child says.</li>
 * <li>Stops and activities find their process by GUID, or by process id among the processes alive at their time.</li>
 * </ul>
 */
final class SightingLinker {
    final ProcessTable table = new ProcessTable(1024);
    final EventIndex events = new EventIndex();
    private LongIntMap pids = new LongIntMap();
    private GuidMap guids = new GuidMap();
    final Counters counters = new Counters();
    /** How many displaced holders of one id are tried before giving up. */
    private static final int MAX_DISPLACED = 4;
    final long tolerance;
    final boolean indexEvents;

    /** What the build counts as it goes. */
    static final class Counters {
        long sightings;
        long starts;
        long stops;
        long activities;
        long mergedStarts;
        long duplicates;
        long adoptedGuids;
        long outOfOrder;
    }

    SightingLinker(TreeOptions options) {
        this.tolerance = options.toleranceTicks();
        this.indexEvents = options.indexEvents();
    }

    /** Host names as first seen; ids index this list. */
    final List<String> hostNames = new ArrayList<>();
    private final Map<String, Integer> hostIds = new HashMap<>();
    private final Map<String, Integer> hostIdsIgnoringCase = new HashMap<>();
    private long[] lastTime = new long[8];

    /** Links what one event said; sightings come in time order per host (earlier ones are counted, and linked). */
    void accept(Sighting s) {
        int host = hostId(s.host());
        long time = s.time();
        if (Ticks.known(time)) {
            if (Ticks.known(lastTime[host]) && time + tolerance < lastTime[host]) {
                counters.outOfOrder++;
            } else if (!Ticks.known(lastTime[host]) || time > lastTime[host]) {
                lastTime[host] = time;
            }
        }
        accept(host, s);
    }

    private int hostId(String name) {
        Integer id = hostIds.get(name);
        if (id != null) {
            return id;
        }
        // One host, however its name is cased in different logs.
        id = hostIdsIgnoringCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), lower -> {
            hostNames.add(name);
            if (hostNames.size() > lastTime.length) {
                lastTime = Arrays.copyOf(lastTime, lastTime.length * 2);
            }
            lastTime[hostNames.size() - 1] = Ticks.UNKNOWN;
            return hostNames.size() - 1;
        });
        hostIds.put(name, id);
        return id;
    }

    private void accept(int host, Sighting s) {
        counters.sightings++;
        switch (s.role()) {
            case START -> start(host, s);
            case STOP -> stop(host, s);
            case ACTIVITY -> activity(host, s);
            default -> throw new IllegalArgumentException(s.role().toString());
        }
    }

    /** Lets the lookups of linking go: the tree builds its own, and memory peaks while it does. */
    void releaseLookups() {
        pids = null;
        guids = null;
    }

    int resolve(int p) {
        while (p >= 0 && table.alias[p] >= 0) {
            p = table.alias[p];
        }
        return p;
    }

    private static long key(int host, long pid) {
        return (long) host << 32 | pid;
    }

    private int byGuid(int host, Guid guid) {
        return guid == null ? -1 : resolve(guids.get(host, guid));
    }

    private int byPid(int host, long pid) {
        return pid == ProcessClaims.NO_PID ? -1 : resolve(pids.get(key(host, pid)));
    }

    /** Whether the process can be the one an event at {@code time} is about: not stopped before it (with grace). */
    private boolean alive(int p, long time) {
        return !table.stopped(p) || !Ticks.known(time) || table.end[p] + tolerance >= time;
    }

    private void index(long eventId, int p) {
        if (indexEvents) {
            events.add(eventId, p);
        }
    }

    // ---- starts ----

    private void start(int host, Sighting s) {
        counters.starts++;
        ProcessClaims self = s.self();
        int p = byGuid(host, self.guid());
        if (p >= 0 && table.started(p) && witnessed(p, s.witness())) {
            counters.duplicates++; // the same start read twice: the log was added twice
            index(s.eventId(), p);
            return;
        }
        int other = otherViewOfStart(host, s);
        if (other >= 0 && witnessed(other, s.witness())) {
            counters.duplicates++;
            index(s.eventId(), other);
            return;
        }
        if (other >= 0) {
            counters.mergedStarts++;
            if (p >= 0 && p != other) {
                table.absorb(other, p); // a GUID placeholder and the Security view of the same start
            } else {
                p = other;
            }
        }
        if (p < 0) {
            p = table.add(host);
        }
        recordStart(p, s);
        if (self.guid() != null) {
            guids.put(host, self.guid(), p);
        }
        if (self.hasPid() && Ticks.known(s.time())) {
            pids.put(key(host, self.pid()), p);
        }
        index(s.eventId(), p);
        linkParent(host, p, s);
    }

    private boolean witnessed(int p, Witness witness) {
        return table.has(p, witness == Witness.SYSMON ? ProcessTable.START_SYSMON : ProcessTable.START_SECURITY);
    }

    /**
     * The process already seen starting that this start is another view of: same host, process id and image,
     * times within the tolerance, GUIDs not different. A view from the same log is a duplicate only when time and
     * command line are identical too; otherwise it is a new process that reused the id.
     */
    private int otherViewOfStart(int host, Sighting s) {
        ProcessClaims self = s.self();
        int q = byPid(host, self.pid());
        if (q < 0 || !table.started(q) || !Ticks.known(s.time()) || !Ticks.known(table.start[q])
                || Math.abs(table.start[q] - s.time()) > tolerance || !Images.agree(table.image[q], self.image())) {
            return -1;
        }
        if (self.guid() != null && table.hasGuid(q) && !self.guid().equals(table.guid(q))) {
            return -1;
        }
        if (witnessed(q, s.witness()) && (table.start[q] != s.time()
                || !java.util.Objects.equals(table.commandLine[q], self.commandLine()))) {
            return -1;
        }
        return q;
    }

    private void recordStart(int p, Sighting s) {
        boolean wasStarted = table.started(p);
        table.fill(p, s.self());
        table.clear(p, ProcessTable.PLACEHOLDER | ProcessTable.CLAIM_ONLY);
        if (s.witness() == Witness.SYSMON) {
            table.set(p, ProcessTable.START_SYSMON);
            table.sysmonStart[p] = s.eventId();
        } else {
            table.set(p, ProcessTable.START_SECURITY);
            table.securityStart[p] = s.eventId();
        }
        if (Ticks.known(s.time()) && (!wasStarted || !Ticks.known(table.start[p]) || s.time() < table.start[p])) {
            table.start[p] = s.time();
        }
        if (table.claimedParentImage[p] == null) {
            table.claimedParentImage[p] = table.strings.share(s.parent().image());
        }
        table.seen(p, s.time());
    }

    private void linkParent(int host, int p, Sighting s) {
        ProcessClaims claims = s.parent();
        if (table.hasLink(p) && table.linkKind[p] == LinkKind.EXACT.ordinal()) {
            return; // the other log's view of this start already named the parent by GUID
        }
        if (claims.guid() != null) {
            int g = byGuid(host, claims.guid());
            if (g < 0) {
                g = adoptGuid(host, claims, s.time());
            }
            if (g < 0) {
                g = placeholder(host, claims, s.time(), ProcessTable.CLAIM_ONLY);
            } else {
                table.fill(g, claims);
                table.seen(g, s.time());
            }
            if (g == p) {
                table.link(p, -1, LinkKind.UNKNOWN, LinkReason.CYCLE, -1, ProcessTable.Checks.NONE);
            } else {
                // The GUID decides; the command line is not compared (it costs, and would change nothing).
                table.link(p, g, LinkKind.EXACT, LinkReason.GUID, -1, compare(claims, g, false));
            }
            return;
        }
        if (table.hasLink(p)) {
            return; // the other log's view already linked it; this view knows nothing more
        }
        if (!claims.hasPid()) {
            table.link(p, -1, LinkKind.UNKNOWN, LinkReason.NO_PARENT_ID, -1, ProcessTable.Checks.NONE);
            return;
        }
        if (!Ticks.known(s.time())) {
            int ph = placeholder(host, claims, s.time(), ProcessTable.CLAIM_ONLY);
            table.link(p, ph, LinkKind.UNKNOWN, LinkReason.NO_TIME, -1, ProcessTable.Checks.NONE);
            return;
        }
        int q = byPid(host, claims.pid());
        if (q < 0 || q == p) {
            int ph = placeholder(host, claims, s.time(), ProcessTable.CLAIM_ONLY);
            table.link(p, ph, LinkKind.UNKNOWN, LinkReason.NEVER_SEEN, -1, ProcessTable.Checks.NONE);
            return;
        }
        ProcessTable.Checks checks = compare(claims, q);
        LinkReason refusal = refusal(q, checks, s.time());
        for (int d = table.displaced[q], depth = 0; refusal != null && d >= 0 && depth < MAX_DISPLACED; depth++) {
            d = resolve(d);
            ProcessTable.Checks fits = compare(claims, d);
            if (d != p && refusal(d, fits, s.time()) == null) {
                q = d; // the earlier holder, displaced by a placeholder another child's contradiction made
                checks = fits;
                refusal = null;
            } else {
                d = table.displaced[d];
            }
        }
        if (refusal != null) {
            int ph = placeholder(host, claims, s.time(), ProcessTable.CLAIM_ONLY);
            if (refusal != LinkReason.PID_REUSED) {
                table.displaced[ph] = q;
            }
            table.link(p, ph, LinkKind.UNKNOWN, refusal, q, checks);
            return;
        }
        table.fill(q, claims);
        table.seen(q, s.time());
        if (table.has(q, ProcessTable.CLAIM_ONLY) && !table.hasGuid(q)) {
            // A parent known only from what its other children said: shared, but still never seen.
            table.link(p, q, LinkKind.UNKNOWN, LinkReason.NEVER_SEEN, -1, checks);
        } else {
            table.link(p, q, LinkKind.INFERRED, LinkReason.PID_AND_TIME, -1, checks);
        }
    }

    /** Why the holder of a process id cannot be the parent, or {@code null} when it can. */
    private LinkReason refusal(int q, ProcessTable.Checks checks, long time) {
        return !alive(q, time) ? LinkReason.PID_REUSED
                : checks.logon() == Check.DISAGREED ? LinkReason.LOGON_MISMATCH
                : checks.image() == Check.DISAGREED ? LinkReason.IMAGE_MISMATCH
                : checks.commandLine() == Check.DISAGREED ? LinkReason.COMMAND_LINE_MISMATCH
                : null;
    }

    /** What the child says about its parent, compared with what is known of the candidate. */
    private ProcessTable.Checks compare(ProcessClaims claims, int q) {
        return compare(claims, q, true);
    }

    private ProcessTable.Checks compare(ProcessClaims claims, int q, boolean commandLines) {
        Check logon = !claims.hasLogon() || table.logonId[q] == ProcessClaims.NO_LOGON ? Check.NOT_COMPARED
                : claims.logonId() == table.logonId[q] ? Check.AGREED : Check.DISAGREED;
        Check image = !Images.known(claims.image()) || !Images.known(table.image[q]) ? Check.NOT_COMPARED
                : Images.agree(claims.image(), table.image[q]) ? Check.AGREED : Check.DISAGREED;
        String said = claims.commandLine();
        String known = table.commandLine[q];
        Check commandLine = !commandLines || said == null || known == null ? Check.NOT_COMPARED
                : CommandLines.agree(said, known) ? Check.AGREED : Check.DISAGREED;
        return new ProcessTable.Checks(logon, image, commandLine);
    }

    /**
     * A process seen only through the Security log gets the GUID a Sysmon event gives for the same process id,
     * when it is alive and the image agrees: the same judgement that merges the two logs' views of one start.
     */
    private int adoptGuid(int host, ProcessClaims claims, long time) {
        int q = byPid(host, claims.pid());
        if (q < 0 || table.hasGuid(q) || !alive(q, time) || !Images.agree(table.image[q], claims.image())) {
            return -1;
        }
        table.guidHi[q] = claims.guid().hi();
        table.guidLo[q] = claims.guid().lo();
        guids.put(host, claims.guid(), q);
        counters.adoptedGuids++;
        return q;
    }

    /**
     * A process never seen starting, made from what an event says about it, registered under its GUID and process
     * id so later events of the same process find it.
     */
    private int placeholder(int host, ProcessClaims claims, long time, int extraFlags) {
        int ph = table.add(host);
        table.set(ph, ProcessTable.PLACEHOLDER | extraFlags & ~ProcessTable.PLACEHOLDER_OF_STOP);
        table.fill(ph, claims);
        table.seen(ph, time);
        table.link(ph, -1, LinkKind.UNKNOWN, LinkReason.PLACEHOLDER, -1, ProcessTable.Checks.NONE);
        if (claims.guid() != null) {
            guids.put(host, claims.guid(), ph);
        }
        if (claims.hasPid() && Ticks.known(time) && (extraFlags & ProcessTable.PLACEHOLDER_OF_STOP) == 0) {
            pids.put(key(host, claims.pid()), ph);
        } else if (claims.hasPid() && Ticks.known(time)) {
            // A stop nothing else explains: it may be a late event of an earlier holder of the id, so it must
            // not displace a live process; where no process lives, it tells later children the id was freed.
            int holder = byPid(host, claims.pid());
            if (holder < 0 || !alive(holder, time)) {
                pids.put(key(host, claims.pid()), ph);
            }
        }
        return ph;
    }

    // ---- stops and activities ----

    private void stop(int host, Sighting s) {
        counters.stops++;
        int p = find(host, s);
        int flag = s.witness() == Witness.SYSMON ? ProcessTable.STOP_SYSMON : ProcessTable.STOP_SECURITY;
        if (p < 0) {
            p = placeholder(host, s.self(), s.time(), ProcessTable.PLACEHOLDER_OF_STOP);
        } else if (table.has(p, flag)) {
            counters.duplicates++;
            index(s.eventId(), p);
            return;
        }
        table.set(p, flag);
        table.clear(p, ProcessTable.CLAIM_ONLY);
        if (Ticks.known(s.time()) && (!Ticks.known(table.end[p]) || s.time() < table.end[p])) {
            table.end[p] = s.time();
        }
        if (table.stopEvent[p] == ProcessTable.NONE) {
            table.stopEvent[p] = s.eventId();
        }
        table.fill(p, s.self());
        table.seen(p, s.time());
        index(s.eventId(), p);
    }

    private void activity(int host, Sighting s) {
        counters.activities++;
        int p = find(host, s);
        if (p < 0) {
            p = placeholder(host, s.self(), s.time(), 0);
        }
        table.clear(p, ProcessTable.CLAIM_ONLY);
        table.countActivity(p, s.activity());
        table.seen(p, s.time());
        index(s.eventId(), p);
    }

    /**
     * The process a stop or activity is about: by GUID; else by process id, the process holding it if alive at the
     * event's time (for a stop: or stopped within the tolerance by the other log) and neither image nor logon
     * session contradicts the event.
     */
    private int find(int host, Sighting s) {
        ProcessClaims self = s.self();
        if (self.guid() != null) {
            int p = byGuid(host, self.guid());
            return p >= 0 ? p : adoptGuid(host, self, s.time());
        }
        int q = byPid(host, self.pid());
        for (int depth = 0; q >= 0 && depth <= MAX_DISPLACED; depth++) {
            if (fits(q, s)) {
                return q;
            }
            q = resolve(table.displaced[q]);
        }
        return -1;
    }

    /** Whether a stop or activity can be about the process: alive at its time, image and logon not contradicting. */
    private boolean fits(int q, Sighting s) {
        ProcessClaims self = s.self();
        if (Images.disagree(table.image[q], self.image())
                || self.hasLogon() && table.logonId[q] != ProcessClaims.NO_LOGON && self.logonId() != table.logonId[q]) {
            return false;
        }
        if (Ticks.known(table.effectiveStart(q)) && Ticks.known(s.time())
                && table.effectiveStart(q) > s.time() + tolerance) {
            return false;
        }
        return alive(q, s.time());
    }
}
